import pg from 'pg';

// The export forms of notes and replies written before they were stored (migration
// 20261201120000_note_export_forms, docs/adr/0022): computed here with the writers' own
// function and written once, after the migrations, so that an existing installation's
// exports take PostgreSQL's path for its old rows too. Nothing a reader sees changes: only
// the three form columns are written (not updatedAt, not rev), an UPDATE of only those is
// not announced on the live stream (migration 20261201130000), and the stale-forms trigger
// leaves them alone since the note itself is unchanged.

interface FormsTable {
  table: string;
  json: string;
  text: string;
  forms: readonly [csv: string, markdown: string, html: string];
}

const TABLES: readonly FormsTable[] = [
  {
    table: 'annotations',
    json: 'noteJson',
    text: 'noteText',
    forms: ['noteCsv', 'noteMarkdown', 'noteHtml'],
  },
  { table: 'replies', json: 'bodyJson', text: 'bodyText', forms: ['bodyCsv', 'bodyMarkdown', 'bodyHtml'] },
];

// Spelled as the partial indexes' predicates (…_forms_missing_idx), so that the planner
// answers both the check and the batches from those indexes.
const missing = ({ forms }: FormsTable, alias = '') =>
  forms.map((column) => `${alias}"${column}" IS NULL`).join(' OR ');

export interface BackfillCounts {
  annotations: number;
  replies: number;
}

/** Stores the missing export forms, `batchSize` rows per statement; idempotent. When every
 * row has its forms, this is one query on two near-empty indexes. */
export async function backfillNoteForms(databaseUrl: string, batchSize = 500): Promise<BackfillCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const checks = TABLES.map(
      (t) => `EXISTS (SELECT 1 FROM "${t.table}" WHERE ${missing(t)}) AS "${t.table}"`,
    );
    const [pending] = (await client.query<Record<string, boolean>>(`SELECT ${checks.join(', ')}`)).rows;
    const counts: BackfillCounts = { annotations: 0, replies: 0 };
    if (!TABLES.some((t) => pending[t.table])) return counts;
    // Loaded only when there is work: the note converters are not needed at every start.
    const { noteForms } = await import('@/lib/export/note-forms');
    for (const t of TABLES) {
      if (!pending[t.table]) continue;
      counts[t.table as keyof BackfillCounts] = await backfillTable(client, t, batchSize, noteForms);
    }
    return counts;
  } finally {
    await client.end();
  }
}

type NoteFormsOf = typeof import('@/lib/export/note-forms').noteForms;

async function backfillTable(client: pg.Client, t: FormsTable, batchSize: number, noteForms: NoteFormsOf) {
  const [csv, markdown, html] = t.forms;
  let after = '00000000-0000-0000-0000-000000000000';
  let written = 0;
  for (;;) {
    const { rows } = await client.query<{ id: string; json: unknown; text: string }>(
      `SELECT "id", "${t.json}" AS "json", "${t.text}" AS "text" FROM "${t.table}"
       WHERE (${missing(t)}) AND "id" > $1 ORDER BY "id" LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) return written;
    after = rows[rows.length - 1].id;
    const records = rows.map((r) => {
      const forms = noteForms(r.json as Parameters<NoteFormsOf>[0], r.text);
      return {
        id: r.id,
        json: r.json,
        text: r.text,
        csv: forms.csv,
        markdown: forms.markdown,
        html: forms.html,
      };
    });
    // A row whose note changed since it was read keeps what its writer left: its forms (a
    // writer that knows them) or NULL, for the next start to take up.
    const result = await client.query(
      `UPDATE "${t.table}" AS t SET "${csv}" = v."csv", "${markdown}" = v."markdown", "${html}" = v."html"
       FROM json_to_recordset($1::json) AS v("id" uuid, "json" jsonb, "text" text, "csv" text, "markdown" text, "html" text)
       WHERE t."id" = v."id" AND (${missing(t, 't.')})
         AND t."${t.text}" = v."text" AND t."${t.json}" IS NOT DISTINCT FROM v."json"`,
      [JSON.stringify(records)],
    );
    written += result.rowCount ?? 0;
  }
}
