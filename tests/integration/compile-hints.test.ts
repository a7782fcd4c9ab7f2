// The post-build step that marks first-load chunks for eager compilation, on a build folder
// laid out as `next build` writes it (docs/adr/0027-first-load-main-thread.md).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCompileHints, COMPILE_HINT, firstLoadScripts } from '../../scripts/compile-hints.mjs';

let dist: string;

function write(rel: string, text: string) {
  mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  writeFileSync(path.join(dist, rel), text);
}
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'marginalia-hints-'));
  write(
    'build-manifest.json',
    JSON.stringify({
      rootMainFiles: ['static/chunks/runtime.js', 'static/chunks/react-dom.js'],
      polyfillFiles: [],
    }),
  );
  write(
    'server/app/(reader)/documents/[slug]/page_client-reference-manifest.js',
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(reader)/documents/[slug]/page"] = {"clientModules":{},"entryJSFiles":{"[project]/app/layout":["static/chunks/layout.js"],"[project]/app/(reader)/documents/[slug]/page":["static/chunks/layout.js","static/chunks/reader.js","static/chunks/styles.css"]}};`,
  );
  for (const name of ['runtime', 'react-dom', 'layout', 'reader', 'note-editor'])
    write(`static/chunks/${name}.js`, `(globalThis.TURBOPACK||=[]).push(["${name}"]);`);
});

afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('compile hints after the build', () => {
  it('mark the scripts a page loads with its HTML, and no chunk loaded later', () => {
    expect(firstLoadScripts(dist).sort()).toEqual([
      'static/chunks/layout.js',
      'static/chunks/react-dom.js',
      'static/chunks/reader.js',
      'static/chunks/runtime.js',
    ]);
    expect(addCompileHints(dist)).toEqual({ scripts: 4, hinted: 4 });
    expect(read('static/chunks/reader.js')).toBe(
      `${COMPILE_HINT}(globalThis.TURBOPACK||=[]).push(["reader"]);`,
    );
    expect(read('static/chunks/note-editor.js').startsWith('//')).toBe(false);
  });

  it('mark a chunk once however often they run', () => {
    addCompileHints(dist);
    expect(addCompileHints(dist)).toEqual({ scripts: 4, hinted: 0 });
    expect(read('static/chunks/runtime.js').split(COMPILE_HINT)).toHaveLength(2);
  });

  it('leave a folder without manifests alone', () => {
    rmSync(path.join(dist, 'build-manifest.json'));
    rmSync(path.join(dist, 'server'), { recursive: true });
    expect(addCompileHints(dist)).toEqual({ scripts: 0, hinted: 0 });
  });
});
