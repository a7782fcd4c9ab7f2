// `npm start`: a database (embedded unless DATABASE_URL is set), migrations, the sample
// article, a build when the sources changed, and the app on http://127.0.0.1:$PORT.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp, isBuildCurrent } from './lib/build-state';
import { ensureDatabaseExists, startEmbeddedDatabase } from './lib/embedded-db';
import { migrateDatabase, projectRoot } from './lib/migrate';
import { bin, seedDatabase } from './lib/run';

const started = Date.now();
const dev = process.argv.includes('--dev');
if (existsSync(path.join(projectRoot, '.env'))) process.loadEnvFile(path.join(projectRoot, '.env'));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
let stopDatabase = async () => {};

if (!process.env.DATABASE_URL) {
  const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const database = await startEmbeddedDatabase({
    dataDir: path.join(projectRoot, '.data', 'pg'),
    port: pgPort,
    persistent: true,
  });
  stopDatabase = database.stop;
  process.env.DATABASE_URL = await ensureDatabaseExists(database.serverUrl, 'marginalia');
  console.log(`[db] embedded PostgreSQL on 127.0.0.1:${pgPort}`);
} else {
  console.log('[db] using DATABASE_URL');
}

function persistentSecret(): string {
  const file = path.join(projectRoot, '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

process.env.BETTER_AUTH_SECRET ??= persistentSecret();
process.env.BETTER_AUTH_URL ??= `http://${host}:${port}`;

let shuttingDown = false;
async function shutDown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  await stopDatabase().catch(() => undefined);
  process.exit(code);
}

try {
  await migrateDatabase(process.env.DATABASE_URL!);
  seedDatabase(process.env.DATABASE_URL!);
  if (!dev && !isBuildCurrent(projectRoot)) {
    console.log('[app] building (first start or sources changed)…');
    await buildApp(projectRoot);
  }
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  await shutDown(1);
}

// Served by scripts/serve.mjs, which hands the socket's address to the sign-in limits
// (`next dev` cannot: there the address is whatever X-Forwarded-For says).
const [command, args] = dev
  ? [bin('next'), ['dev', '-H', host, '-p', String(port)]]
  : [process.execPath, [path.join(projectRoot, 'scripts/serve.mjs'), '-H', host, '-p', String(port)]];
const app = spawn(command, args, {
  cwd: projectRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
app.stdout!.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Ready in|ready/i.test(text)) {
    console.log(
      `\nMarginalia is ready at http://${host}:${port}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops it)\n`,
    );
  }
});
app.on('exit', (code) => void shutDown(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log('\n[app] stopping…');
    app.kill('SIGTERM');
  });
}
