// `npm run fuzz`: the API fuzz suite (tests/integration/fuzz-api.test.ts) with many more
// cases per operation and a fresh seed each time (printed; FUZZ_SEED replays one).
// Uses DATABASE_URL's server when given, else an embedded PostgreSQL, like `npm test`.
import os from 'node:os';
import path from 'node:path';
import { splitDatabaseUrl, startEmbeddedDatabase, type RunningDatabase } from '../../scripts/lib/embedded-db';
import { migrateDatabase, projectRoot } from '../../scripts/lib/migrate';
import { freePort } from '../../scripts/lib/ports';
import { bin, runStep, seedDatabase } from '../../scripts/lib/run';
import { createDatabase, dropDatabase, dropStaleTestDatabases } from '../../scripts/lib/test-databases';

const runs = process.env.FUZZ_RUNS ?? '200';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const template = `mg_tpl_${process.pid}`;
let database: RunningDatabase | null = null;
let serverUrl = '';
let code = 1;
try {
  if (process.env.DATABASE_URL) serverUrl = splitDatabaseUrl(process.env.DATABASE_URL).serverUrl;
  else {
    database = await startEmbeddedDatabase({
      dataDir: path.join(os.tmpdir(), `marginalia-fuzz-${process.pid}`, 'pg'),
      port: await freePort(),
      persistent: false,
    });
    serverUrl = database.serverUrl;
  }
  await dropStaleTestDatabases(serverUrl, 'mg_');
  await createDatabase(serverUrl, template);
  await migrateDatabase(`${serverUrl}/${template}`);
  seedDatabase(`${serverUrl}/${template}`);
  console.log(`[fuzz] ${runs} cases per operation, seed ${seed} (replay with FUZZ_SEED=${seed})`);
  code = await runStep(
    bin('vitest'),
    ['run', '--project', 'integration', 'tests/integration/fuzz-api.test.ts', '--testTimeout=1200000'],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        TEST_SERVER_URL: serverUrl,
        TEST_TEMPLATE_DB: template,
        MARGINALIA_RATE_LIMIT: 'off',
        FUZZ_RUNS: runs,
        FUZZ_SEED: seed,
      },
    },
  );
} finally {
  if (serverUrl) await dropDatabase(serverUrl, template).catch(() => undefined);
  await database?.stop().catch(() => undefined);
}
process.exit(code);
