// Marks the build's first-load script chunks for eager compilation (V8's explicit compile
// hints, Chrome 136+): `//# allFunctionsCalledOnLoad` as a chunk's first line makes V8 compile
// its functions while the script streams in, on a background thread, instead of each one on
// the main thread when it is first called. Turbopack's chunks are arrays of module factories
// that all run at hydration, so without the hint every factory (react-dom's is one function of
// ~200 KB) was compiled lazily on the main thread just before the page could respond
// (docs/adr/0027-first-load-main-thread.md). Chunks that load later (the note editor's) are
// left lazy: most of their functions never run.
//
// `node scripts/compile-hints.mjs [distDir]` after `next build`; idempotent.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function clientManifests(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) clientManifests(full, out);
    else if (entry.name.endsWith('_client-reference-manifest.js')) out.push(full);
  }
  return out;
}

/** The script chunks some page loads with its HTML (paths relative to the dist folder, as
 * the manifests give them): the root's main files and every page's and layout's entry files. */
export function firstLoadScripts(distDir) {
  const scripts = new Set();
  const build = readJson(path.join(distDir, 'build-manifest.json'));
  for (const file of build?.rootMainFiles ?? []) scripts.add(file);
  for (const manifest of clientManifests(path.join(distDir, 'server', 'app'), [])) {
    // `globalThis.__RSC_MANIFEST[page] = {…, "entryJSFiles": {entry: [files]}, …}`
    const match = /"entryJSFiles":(\{[^}]*\})/.exec(readFileSync(manifest, 'utf8'));
    const entries = match ? JSON.parse(match[1]) : {};
    for (const files of Object.values(entries)) for (const file of files) scripts.add(file);
  }
  return [...scripts].filter((file) => file.startsWith('static/') && file.endsWith('.js'));
}

/** Prepends the hint to each first-load chunk that does not start with it yet. */
export function addCompileHints(distDir) {
  const hint = Buffer.from(COMPILE_HINT);
  let hinted = 0;
  const scripts = firstLoadScripts(distDir);
  for (const file of scripts) {
    const full = path.join(distDir, file);
    if (!existsSync(full)) continue;
    const body = readFileSync(full);
    if (body.subarray(0, hint.length).equals(hint)) continue;
    writeFileSync(full, Buffer.concat([hint, body]));
    hinted += 1;
  }
  return { scripts: scripts.length, hinted };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next');
  const { scripts, hinted } = addCompileHints(distDir);
  console.log(`[build] compile hints: ${hinted} of ${scripts} first-load script chunks marked`);
}
