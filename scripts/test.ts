// `npm test`: typecheck, lint and format check, unit tests, integration tests on real
// PostgreSQL (one database per test file, cloned from a migrated template), then
// end-to-end tests in Debian's Chromium. Uses DATABASE_URL's server when given, else an
// embedded PostgreSQL of its own. TEST_CPU_LOAD=N runs N busy processes alongside, to
// prove that nothing depends on an idle machine (.ci/run does).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, isBuildCurrent } from './lib/build-state';
import { cpuLoadFromEnv, startCpuLoad } from './lib/cpu-load';
import { claimE2eBuildDir } from './lib/e2e-build-dir';
import { reportSlowestTests } from './lib/e2e-timing';
import { splitDatabaseUrl, startEmbeddedDatabase, type RunningDatabase } from './lib/embedded-db';
import { migrateDatabase, projectRoot } from './lib/migrate';
import { bin, runStep, seedDatabase } from './lib/run';
import { ensureChromium } from './lib/chromium';
import { freePort } from './lib/ports';
import { createDatabase, dropDatabase, dropStaleTestDatabases } from './lib/test-databases';

const started = Date.now();
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (suite: string) => only.length === 0 || only.includes(suite);
// TEST_FILTER="tests/integration/groups" narrows vitest (unit and integration) to matching files.
const vitestFilter = process.env.TEST_FILTER ? process.env.TEST_FILTER.split(' ') : [];
const resultsDir = path.join(projectRoot, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const tally: Record<string, Tally> = {};
let exitCode = 0;

function readVitest(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** A step that passes or fails as a whole (typecheck, lint, format). */
async function runCheck(name: string, command: string, args: string[]) {
  const code = await runStep(command, args);
  tally[name] = { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  if (code !== 0) exitCode = 1;
  return code === 0;
}

function readPlaywright(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

let database: RunningDatabase | null = null;
const runId = `${process.pid}`;
const template = `mg_tpl_${runId}`;
const e2eDb = `mg_e2e_${runId}`;
let serverUrl = '';
const stopCpuLoad = startCpuLoad(cpuLoadFromEnv());
let typechecked = false;
let releaseBuildDir = () => {};

try {
  if (want('typecheck'))
    typechecked = await runCheck('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  if (want('lint')) {
    await runCheck('lint', bin('eslint'), [
      '.',
      '--max-warnings',
      '0',
      '--cache',
      '--cache-location',
      'node_modules/.cache/eslint/',
    ]);
    await runCheck('format', bin('prettier'), ['--check', '--cache', '--log-level', 'warn', '.']);
  }

  if (want('unit')) {
    const code = await runStep(bin('vitest'), [
      'run',
      '--project',
      'unit',
      ...vitestFilter,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${resultsDir}/unit.json`,
    ]);
    tally.unit = readVitest(`${resultsDir}/unit.json`) ?? { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0) exitCode = 1;
  }

  if (want('integration') || want('e2e')) {
    if (process.env.DATABASE_URL) {
      serverUrl = splitDatabaseUrl(process.env.DATABASE_URL).serverUrl;
      console.log(`[db] test databases on the server of DATABASE_URL`);
    } else {
      const port = process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await freePort();
      database = await startEmbeddedDatabase({
        dataDir: path.join(os.tmpdir(), `marginalia-test-${runId}`, 'pg'),
        port,
        persistent: false,
      });
      serverUrl = database.serverUrl;
      console.log('[db] embedded PostgreSQL for tests');
    }
    await dropStaleTestDatabases(serverUrl, 'mg_');
    await createDatabase(serverUrl, template);
    await migrateDatabase(`${serverUrl}/${template}`);
    seedDatabase(`${serverUrl}/${template}`);
  }

  const testEnv = {
    ...process.env,
    TEST_SERVER_URL: serverUrl,
    TEST_TEMPLATE_DB: template,
    MARGINALIA_RATE_LIMIT: 'off',
  };

  if (want('integration')) {
    const code = await runStep(
      bin('vitest'),
      [
        'run',
        '--project',
        'integration',
        ...vitestFilter,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${resultsDir}/integration.json`,
      ],
      { env: testEnv },
    );
    tally.integration = readVitest(`${resultsDir}/integration.json`) ?? { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0) exitCode = 1;
  }

  if (want('e2e')) {
    ensureChromium();
    await createDatabase(serverUrl, e2eDb, template);
    // A build folder apart from `npm start`'s, reused while the sources are unchanged, and
    // never shared with another test run that is still going (scripts/lib/e2e-build-dir.ts).
    if (!process.env.NEXT_DIST_DIR) {
      const claimed = claimE2eBuildDir(projectRoot);
      process.env.NEXT_DIST_DIR = claimed.dir;
      releaseBuildDir = claimed.release;
    }
    if (!isBuildCurrent(projectRoot)) {
      if (tally.typecheck?.failed) throw new Error('The typecheck failed, so the app is not built for e2e.');
      console.log('[e2e] building the app…');
      await buildApp(projectRoot, { typechecked });
    }
    const e2ePort = process.env.E2E_PORT ?? String(await freePort());
    // The app mails reset links to this port; e2e/reset-password.spec.ts listens on it.
    const e2eSmtpPort = process.env.E2E_SMTP_PORT ?? String(await freePort());
    const code = await runStep(
      bin('playwright'),
      ['test', ...(process.env.E2E_FILTER ? process.env.E2E_FILTER.split(' ') : [])],
      {
        env: {
          ...testEnv,
          NEXT_DIST_DIR: process.env.NEXT_DIST_DIR,
          E2E_PORT: e2ePort,
          E2E_SMTP_PORT: e2eSmtpPort,
          E2E_DATABASE_URL: `${serverUrl}/${e2eDb}`,
          E2E_RESULTS: `${resultsDir}/e2e.json`,
        },
      },
    );
    tally.e2e = readPlaywright(`${resultsDir}/e2e.json`) ?? { passed: 0, failed: 1, skipped: 0 };
    reportSlowestTests(`${resultsDir}/e2e.json`);
    if (code !== 0) exitCode = 1;
  }
} catch (error) {
  console.error(`\n[test]`, error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  stopCpuLoad();
  if (serverUrl) {
    await dropDatabase(serverUrl, e2eDb).catch(() => undefined);
    await dropDatabase(serverUrl, template).catch(() => undefined);
  }
  await database?.stop().catch(() => undefined);
  releaseBuildDir();
}

const total = Object.values(tally).reduce(
  (sum, t) => ({
    passed: sum.passed + t.passed,
    failed: sum.failed + t.failed,
    skipped: sum.skipped + t.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('');
for (const [suite, t] of Object.entries(tally))
  console.log(`  ${suite.padEnd(12)} ${t.passed} passed, ${t.failed} failed`);
console.log(`  time         ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (exitCode !== 0 && total.failed === 0) total.failed = 1;
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
process.exit(exitCode);
