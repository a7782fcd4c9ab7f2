// The bench's databases: DATABASE_URL's server when given, else an embedded PostgreSQL of
// its own; a template migrated and seeded once, cloned per section, all dropped at the end.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitDatabaseUrl, startEmbeddedDatabase, type RunningDatabase } from '../../lib/embedded-db';
import { migrateDatabase } from '../../lib/migrate';
import { seedDatabase } from '../../lib/run';
import { createDatabase, dropDatabase, dropStaleTestDatabases } from '../../lib/test-databases';
import { freePort } from '../../lib/ports';

export interface BenchServer {
  /** server URL without a database name */
  serverUrl: string;
  embedded: boolean;
  /** a new database cloned from the migrated, seeded template; returns its URL */
  clone(label: string): Promise<string>;
  /** drops every database made here and stops an embedded server */
  close(): Promise<void>;
}

export async function openBenchServer(): Promise<BenchServer> {
  const runId = process.pid;
  let embedded: RunningDatabase | null = null;
  let serverUrl: string;
  const dataRoot = path.join(os.tmpdir(), `marginalia-bench-${runId}`);
  if (process.env.DATABASE_URL) {
    serverUrl = splitDatabaseUrl(process.env.DATABASE_URL).serverUrl;
    console.log('[db] scratch databases on the server of DATABASE_URL');
  } else {
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(dataRoot, 'pg'),
      port: await freePort(),
      persistent: false,
    });
    serverUrl = embedded.serverUrl;
    console.log('[db] embedded PostgreSQL for the bench (fsync off, as in `npm test`)');
  }
  // Names follow the test runner's `mg_<word>_<pid>` pattern, so a killed run's leftovers
  // are dropped by the next run (and a live run's are left alone).
  const template = `mg_benchtpl_${runId}`;
  const made: string[] = [];
  const close = async () => {
    for (const name of made.reverse()) await dropDatabase(serverUrl, name).catch(() => undefined);
    if (embedded) {
      await embedded.stop().catch(() => undefined);
      rmSync(dataRoot, { recursive: true, force: true });
    }
  };
  try {
    await dropStaleTestDatabases(serverUrl, 'mg_');
  } catch (error) {
    await close();
    throw error;
  }
  // Made on first use: the re-anchoring bench alone does not need it.
  let templateReady: Promise<void> | null = null;
  const prepareTemplate = async () => {
    await createDatabase(serverUrl, template);
    made.push(template);
    await migrateDatabase(`${serverUrl}/${template}`);
    seedDatabase(`${serverUrl}/${template}`);
  };
  return {
    serverUrl,
    embedded: embedded !== null,
    async clone(label: string) {
      await (templateReady ??= prepareTemplate());
      const name = `mg_bench${label}_${runId}`;
      await createDatabase(serverUrl, name, template);
      made.push(name);
      return `${serverUrl}/${name}`;
    },
    close,
  };
}
