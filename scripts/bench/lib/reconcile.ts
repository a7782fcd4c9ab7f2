// What the mixed load acknowledged against what the database holds afterwards.
import pg from 'pg';

/** One annotation the load created (a 201), and what the load was told about it since. */
export interface Acknowledged {
  token: string;
  /** the `rev` of the last 200 to a PATCH (1 after the create) */
  rev: number;
  /** a 204 answered its DELETE */
  deleted: boolean;
  /** a request about it failed (error, timeout): its state is not known, so it is not judged */
  uncertain: boolean;
}

export interface Reconciliation {
  checked: number;
  /** a 201 whose row is missing, or deleted though the load never deleted it */
  lost: string[];
  /** a 204 whose row is still live */
  undeleted: string[];
  /** a row whose rev is not the last acknowledged one */
  staleRev: string[];
  /** more than one row for one create request */
  duplicates: string[];
  /** rows for a create that was not answered 201 (and did not fail, which would explain it) */
  unacknowledged: string[];
  mismatches: number;
}

const TOKEN = /mixed-[a-z0-9]+ c\d+ n\d+/;

/** Compares every acknowledged write with the rows whose note carries the run's marker. */
export async function reconcile(
  databaseUrl: string,
  runId: string,
  acknowledged: Map<string, Acknowledged>,
  failedTokens: Set<string>,
): Promise<Reconciliation> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let rows: { id: string; noteText: string; rev: number; deleted: boolean }[];
  try {
    rows = (
      await client.query<{ id: string; noteText: string; rev: number; deleted: boolean }>(
        `SELECT "id", "noteText", "rev", "deletedAt" IS NOT NULL AS "deleted" FROM "annotations" WHERE "noteText" LIKE $1`,
        [`%mixed-${runId} %`],
      )
    ).rows;
  } finally {
    await client.end();
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: Reconciliation = {
    checked: acknowledged.size,
    lost: [],
    undeleted: [],
    staleRev: [],
    duplicates: [],
    unacknowledged: [],
    mismatches: 0,
  };
  for (const [id, ack] of acknowledged) {
    if (ack.uncertain) continue;
    const row = byId.get(id);
    if (ack.deleted) {
      if (row && !row.deleted) result.undeleted.push(id);
      continue;
    }
    if (!row || row.deleted) result.lost.push(id);
    else if (row.rev !== ack.rev) result.staleRev.push(id);
  }
  const acknowledgedTokens = new Set([...acknowledged.values()].map((a) => a.token));
  const perToken = new Map<string, number>();
  for (const row of rows) {
    const token = TOKEN.exec(row.noteText)?.[0];
    if (!token) continue;
    perToken.set(token, (perToken.get(token) ?? 0) + 1);
    if (!acknowledgedTokens.has(token) && !failedTokens.has(token)) result.unacknowledged.push(row.id);
  }
  for (const [token, count] of perToken) if (count > 1) result.duplicates.push(token);
  result.mismatches =
    result.lost.length +
    result.undeleted.length +
    result.staleRev.length +
    result.duplicates.length +
    result.unacknowledged.length;
  return result;
}

/** Removes the run's rows, so that the sections after it see the scene as seeded. */
export async function removeRunRows(databaseUrl: string, runId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deleted = await client.query('DELETE FROM "annotations" WHERE "noteText" LIKE $1', [
      `%mixed-${runId} %`,
    ]);
    return deleted.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
