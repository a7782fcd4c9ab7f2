// Builds the app into a folder of its own (only when the sources changed) and serves it on a
// free loopback port against a given database, as `npm start` does: scripts/serve.mjs (its
// static chunks compressed once, ADR 0026). BENCH_SERVER=next-start (or `server: 'next-start'`)
// runs plain `next start` instead, to compare.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { buildApp, isBuildCurrent } from '../../lib/build-state';
import { projectRoot } from '../../lib/migrate';
import { freePort } from '../../lib/ports';

/** Kept between runs (it is ignored by git as `.next-*`), so a second run skips the build. */
export const BENCH_DIST_DIR = '.next-bench';

export async function ensureBuild(): Promise<void> {
  process.env.NEXT_DIST_DIR = process.env.NEXT_DIST_DIR || BENCH_DIST_DIR;
  if (isBuildCurrent(projectRoot)) {
    console.log(`[app] build in ${process.env.NEXT_DIST_DIR} is current`);
    return;
  }
  console.log(
    `[app] building the app into ${process.env.NEXT_DIST_DIR} (sources changed since the last bench build)…`,
  );
  const started = Date.now();
  // The bench does not typecheck: a build for measuring, not for shipping.
  await buildApp(projectRoot, { typechecked: true });
  console.log(`[app] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export interface RunningApp {
  baseUrl: string;
  pid: number;
  /** its BETTER_AUTH_SECRET, for in-process code that must read its session cookies */
  authSecret: string;
  /** the server's last output, to explain a failure */
  log(): string;
  stop(): Promise<void>;
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app server exited with code ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/sign-in`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app server did not answer within 60 s:\n${log()}`);
}

export type AppServer = 'serve' | 'next-start';

export function appServerFrom(value: string | undefined): AppServer {
  if (!value || value === 'serve') return 'serve';
  if (value === 'next-start') return value;
  throw new Error(`Unknown app server "${value}" (serve or next-start).`);
}

/** `authSecret`: a second app process on the same database takes the first one's, so that
 * both accept the same session cookies. */
export async function startApp(
  databaseUrl: string,
  opts: { authSecret?: string; server?: AppServer } = {},
): Promise<RunningApp> {
  const server = opts.server ?? appServerFrom(process.env.BENCH_SERVER);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const authSecret = opts.authSecret ?? randomBytes(24).toString('hex');
  const child = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF_DIR=dir: a V8 CPU profile of the server, written there when it stops.
      ...(process.env.BENCH_CPU_PROF_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
        : []),
      ...(server === 'serve'
        ? [path.join(projectRoot, 'scripts/serve.mjs')]
        : [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'start']),
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_URL: baseUrl,
        BETTER_AUTH_SECRET: authSecret,
        MARGINALIA_RATE_LIMIT: 'off',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || BENCH_DIST_DIR,
      },
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(
    `[app] ${server === 'serve' ? 'scripts/serve.mjs' : 'next start'} on ${baseUrl} (pid ${child.pid})`,
  );
  return { baseUrl, pid: child.pid!, authSecret, log: () => output, stop };
}
