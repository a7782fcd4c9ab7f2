import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, runStep } from './run';

const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'proxy.ts',
  'package-lock.json',
  'tsconfig.json',
  'prisma/schema.prisma',
  'scripts/compile-hints.mjs',
];
const SKIP = new Set(['generated', 'node_modules', 'fixtures']);

function collect(root: string, rel: string, out: string[]) {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    out.push(rel);
    return;
  }
  for (const entry of readdirSync(full)) {
    if (SKIP.has(entry) || entry.endsWith('.test.ts')) continue;
    collect(root, path.join(rel, entry), out);
  }
}

/** A fingerprint of everything `next build` reads, so that `npm start` rebuilds only when needed. */
export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const source of SOURCES) collect(root, source, files);
  const hash = createHash('sha256');
  for (const file of files.sort())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

const distDir = (root: string) => path.join(root, process.env.NEXT_DIST_DIR || '.next');
const stampFile = (root: string) => path.join(distDir(root), 'marginalia-source-fingerprint');

export function isBuildCurrent(root: string): boolean {
  return (
    existsSync(path.join(distDir(root), 'BUILD_ID')) &&
    existsSync(stampFile(root)) &&
    readFileSync(stampFile(root), 'utf8') === sourceFingerprint(root)
  );
}

/** After `next build`: the first-load chunks get V8's compile hint (scripts/compile-hints.mjs). */
async function markFirstLoadChunks(root: string) {
  const code = await runStep(process.execPath, [
    path.join(root, 'scripts', 'compile-hints.mjs'),
    distDir(root),
  ]);
  if (code !== 0) throw new Error('Marking the first-load chunks failed (see above).');
}

export function markBuildCurrent(root: string) {
  writeFileSync(stampFile(root), sourceFingerprint(root));
}

/**
 * Typechecks, then runs `next build` into NEXT_DIST_DIR (or `.next`) and records the
 * sources it was built from. next.config.js turns off Next's own typecheck so that a run
 * that has just typechecked (`npm test`'s first step) does not pay for it twice; every
 * other build goes through `tsc` here first, so no build ever skips it.
 */
export async function buildApp(root: string, options: { typechecked?: boolean } = {}) {
  if (!options.typechecked) {
    console.log('[build] typechecking…');
    const code = await runStep(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    if (code !== 0) throw new Error('The typecheck failed (see above); nothing was built.');
  }
  // next build adds a build folder other than `.next` to tsconfig.json's `include`;
  // the committed file stays as it is, even when the build fails (Ctrl-C stops `next build`
  // too, and lands here).
  const tsconfigPath = path.join(root, 'tsconfig.json');
  const tsconfig = readFileSync(tsconfigPath, 'utf8');
  try {
    const code = await runStep(bin('next'), ['build'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (code !== 0) throw new Error('next build failed (see above).');
  } finally {
    writeFileSync(tsconfigPath, tsconfig);
  }
  await markFirstLoadChunks(root);
  markBuildCurrent(root);
}
