// Issue 3's scene: 30 readers of one seminar group and 10,000 of their annotations on the
// sample article. Accounts and the group go through the app's own API; annotations go
// straight into PostgreSQL (one statement each for rows and tags), every target valid.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DocumentIndex } from '@/lib/anchoring/types';
import { postJson, signUpReader, type BenchReader } from './http';
import { mapLimit } from './stats';
import { countHighlightRuns, makeTargets, seededRandom, type StoredTarget } from './targets';

export const SAMPLE_SLUG = 'face-time';
export const DEFAULT_TAGS = {
  claim: '00000000-0000-4000-8000-000000000001',
  evidence: '00000000-0000-4000-8000-000000000002',
  framing: '00000000-0000-4000-8000-000000000003',
} as const;

export interface BenchScene {
  baseUrl: string;
  databaseUrl: string;
  documentId: string;
  versionId: string;
  index: DocumentIndex;
  readers: BenchReader[];
  groupId: string;
  annotations: number;
  /** <mark class="hl"> elements the article shows with every annotation visible */
  highlightRuns: number;
  /** annotations covering one run, on average */
  idsPerRun: number;
  /** the same with the panel's Claim filter on (only annotations tagged claim show) */
  highlightRunsOnlyClaim: number;
}

export async function loadSampleDocument(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const doc = await client.query<{ id: string; versionId: string }>(
      'SELECT "id", "currentVersionId" AS "versionId" FROM "documents" WHERE "slug" = $1',
      [SAMPLE_SLUG],
    );
    if (doc.rowCount === 0)
      throw new Error(`the sample article "${SAMPLE_SLUG}" is missing from the scratch database`);
    const blocks = await client.query<{ anchor: string; text: string }>(
      'SELECT "anchor", "text" FROM "blocks" WHERE "versionId" = $1 ORDER BY "index"',
      [doc.rows[0].versionId],
    );
    return { documentId: doc.rows[0].id, versionId: doc.rows[0].versionId, blocks: blocks.rows };
  } finally {
    await client.end();
  }
}

async function createReadersAndGroup(baseUrl: string, count: number) {
  const stamp = Date.now().toString(36);
  const names = Array.from({ length: count }, (_, i) => `Reader ${String(i + 1).padStart(2, '0')}`);
  // Sign-up hashes a password (scrypt): a few at a time keeps the server responsive.
  const readers = await mapLimit(names, 4, (name) =>
    signUpReader(baseUrl, name, `bench-${name.toLowerCase().replace(' ', '-')}-${stamp}@example.org`),
  );
  const created = await postJson<{ group: { id: string; inviteCode: string } }>(
    baseUrl,
    '/api/v1/groups',
    { name: 'Bench seminar' },
    readers[0].cookie,
  );
  if (created.status !== 201)
    throw new Error(`creating the group failed: ${created.status} ${JSON.stringify(created.json)}`);
  const { id: groupId, inviteCode } = created.json.group;
  await mapLimit(readers.slice(1), 4, async (reader) => {
    const joined = await postJson(baseUrl, '/api/v1/groups/join', { code: inviteCode }, reader.cookie);
    if (joined.status !== 200)
      throw new Error(`joining the group failed: ${joined.status} ${JSON.stringify(joined.json)}`);
  });
  return { readers, groupId };
}

const note = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface SeedRow extends StoredTarget {
  id: string;
  authorId: string;
  tags: string[];
  noteText: string | null;
  age: number;
}

function planAnnotations(targets: StoredTarget[], readers: BenchReader[]): SeedRow[] {
  const next = seededRandom(7);
  const slugs = Object.keys(DEFAULT_TAGS) as (keyof typeof DEFAULT_TAGS)[];
  return targets.map((target, i) => {
    const first = slugs[Math.floor(next() * slugs.length)];
    const second = next() < 0.1 ? slugs[(slugs.indexOf(first) + 1) % slugs.length] : null;
    return {
      ...target,
      id: randomUUID(),
      authorId: readers[Math.floor(next() * readers.length)].id,
      tags: second ? [first, second] : [first],
      noteText: next() < 0.3 ? `Bench note ${i}: what does this passage assume?` : null,
      age: targets.length - i,
    };
  });
}

async function insertAnnotations(
  databaseUrl: string,
  scene: { documentId: string; versionId: string; groupId: string },
  rows: SeedRow[],
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const records = rows.map((r) => ({
    id: r.id,
    authorId: r.authorId,
    noteJson: r.noteText ? note(r.noteText) : null,
    noteText: r.noteText ?? '',
    startBlock: r.start.block,
    startIndex: r.startIndex,
    startOffset: r.start.offset,
    endBlock: r.end.block,
    endIndex: r.endIndex,
    endOffset: r.end.offset,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    age: r.age,
  }));
  const tagRows = rows.flatMap((r) =>
    r.tags.map((slug) => ({ annotationId: r.id, tagId: DEFAULT_TAGS[slug as keyof typeof DEFAULT_TAGS] })),
  );
  try {
    await client.query('BEGIN');
    // One notification per seeded row would be queued for the live stream: not what is measured.
    await client.query('ALTER TABLE "annotations" DISABLE TRIGGER "annotations_notify"');
    await client.query(
      `INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteJson","noteText",
         "startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","prefix","suffix","status","createdAt","updatedAt")
       SELECT r."id", $2::uuid, $3::uuid, r."authorId", 'GROUP', $4::uuid, r."noteJson", r."noteText",
         r."startBlock", r."startIndex", r."startOffset", r."endBlock", r."endIndex", r."endOffset", r."exact", r."prefix", r."suffix",
         'ANCHORED', now() - make_interval(secs => r."age"), now()
       FROM json_to_recordset($1::json) AS r("id" uuid, "authorId" text, "noteJson" jsonb, "noteText" text, "startBlock" text, "startIndex" int,
         "startOffset" int, "endBlock" text, "endIndex" int, "endOffset" int, "exact" text, "prefix" text, "suffix" text, "age" int)`,
      [JSON.stringify(records), scene.documentId, scene.versionId, scene.groupId],
    );
    await client.query(
      `INSERT INTO "annotation_tags" ("annotationId","tagId") SELECT r."annotationId", r."tagId" FROM json_to_recordset($1::json) AS r("annotationId" uuid, "tagId" uuid)`,
      [JSON.stringify(tagRows)],
    );
    await client.query('ALTER TABLE "annotations" ENABLE TRIGGER "annotations_notify"');
    await client.query('COMMIT');
    await client.query('ANALYZE "annotations"');
    await client.query('ANALYZE "annotation_tags"');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export async function seedScene(
  baseUrl: string,
  databaseUrl: string,
  opts: { readers: number; annotations: number },
): Promise<BenchScene> {
  const started = performance.now();
  const doc = await loadSampleDocument(databaseUrl);
  const { readers, groupId } = await createReadersAndGroup(baseUrl, opts.readers);
  const afterAccounts = performance.now();
  const { index, targets } = makeTargets(doc.blocks, opts.annotations, 42);
  const rows = planAnnotations(targets, readers);
  await insertAnnotations(
    databaseUrl,
    { documentId: doc.documentId, versionId: doc.versionId, groupId },
    rows,
  );
  const toRuns = (shown?: (id: string) => boolean) =>
    countHighlightRuns(
      index,
      rows.map((r) => ({ id: r.id, target: r })),
      shown,
    );
  const all = toRuns();
  const withClaim = new Set(rows.filter((r) => r.tags.includes('claim')).map((r) => r.id));
  const scene: BenchScene = {
    baseUrl,
    databaseUrl,
    documentId: doc.documentId,
    versionId: doc.versionId,
    index,
    readers,
    groupId,
    annotations: rows.length,
    highlightRuns: all.runs,
    idsPerRun: all.idsPerRun,
    highlightRunsOnlyClaim: toRuns((id) => withClaim.has(id)).runs,
  };
  console.log(
    `[seed] ${readers.length} readers in one group (${((afterAccounts - started) / 1000).toFixed(1)} s), ${rows.length.toLocaleString('en')} annotations ` +
      `(${((performance.now() - afterAccounts) / 1000).toFixed(1)} s) → ${scene.highlightRuns.toLocaleString('en')} highlight runs on the page, ${scene.idsPerRun.toFixed(0)} annotations under each on average`,
  );
  return scene;
}
