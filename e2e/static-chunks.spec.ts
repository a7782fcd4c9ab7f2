// The build's script chunks as scripts/serve.mjs answers them (docs/adr/0026): compressed once,
// with the headers Next gives them, and the same bytes as the build's file once decompressed;
// a path that is not a file name a build writes is refused, and an unknown chunk is Next's 404.
// Pages and API answers are compressed by serve.mjs itself (brotli or gzip at their fastest).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { COMPILE_HINT } from '../scripts/compile-hints.mjs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './support/test';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch would decompress the body and hide Content-Encoding's bytes, and
 * a URL would resolve the `..` and `%2e%2e` that the path must reach the server with. */
function get(
  base: string,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: rawPath, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const staticDir = path.resolve(process.env.NEXT_DIST_DIR ?? '.next', 'static');

test('script chunks arrive compressed once, with their headers and their bytes', async ({ baseURL }) => {
  const html = (await get(baseURL!, '/sign-in')).body.toString();
  const chunks = [
    ...new Set([...html.matchAll(/src="(\/_next\/static\/[^"?]+\.js)[^"]*"/g)].map((m) => m[1])),
  ];
  expect(chunks.length).toBeGreaterThan(2);
  // The polyfills load only where modules do not (`noModule`): not a first load worth hinting.
  const polyfills = new Set(
    [...html.matchAll(/<script src="(\/_next\/static\/[^"?]+\.js)[^"]*" noModule/g)].map((m) => m[1]),
  );
  expect(polyfills.size).toBeLessThan(chunks.length);
  for (const chunk of chunks) {
    const onDisk = readFileSync(
      path.join(staticDir, decodeURIComponent(chunk.slice('/_next/static/'.length))),
    );
    const br = await get(baseURL!, chunk, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.status, chunk).toBe(200);
    expect(br.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    if (onDisk.length > 1024) {
      expect(br.headers['content-encoding'], chunk).toBe('br');
      expect(br.body.length).toBeLessThan(onDisk.length);
    }
    const decoded = br.headers['content-encoding'] === 'br' ? brotliDecompressSync(br.body) : br.body;
    expect(decoded.equals(onDisk), chunk).toBe(true);
    // A first-load chunk: compiled while it streams in (scripts/compile-hints.mjs, ADR 0027).
    if (!polyfills.has(chunk))
      expect(decoded.subarray(0, COMPILE_HINT.length).toString(), chunk).toBe(COMPILE_HINT);

    const gz = await get(baseURL!, chunk, { 'Accept-Encoding': 'gzip' });
    expect(
      gz.headers['content-encoding'] === 'gzip' ? gunzipSync(gz.body).equals(onDisk) : gz.body.equals(onDisk),
    ).toBe(true);
    const plain = await get(baseURL!, chunk, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(onDisk)).toBe(true);

    const head = await get(baseURL!, chunk, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(br.headers['content-length']);
    const again = await get(baseURL!, chunk, {
      'Accept-Encoding': 'gzip, br',
      'If-None-Match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  }
});

test('no path outside the static folder, and an unknown chunk is a 404', async ({ baseURL }) => {
  for (const attempt of [
    '/_next/static/../../package.json',
    '/_next/static/chunks/..%2f..%2f..%2fpackage.json',
    '/_next/static/%2e%2e/%2e%2e/package.json',
    '/_next/static/chunks/%2e%2e%5c%2e%2e%5cpackage.json',
    '/_next/static/chunks/x.js%00',
    '/_next/static/%E0%A4%A.js',
  ]) {
    const answer = await get(baseURL!, attempt);
    expect(answer.status, attempt).toBeGreaterThanOrEqual(400);
    expect(answer.status, attempt).toBeLessThan(500);
    expect(answer.body.toString()).not.toContain('"name"');
  }
  const unknown = await get(baseURL!, '/_next/static/chunks/not-a-chunk-0123456789.js', {
    'Accept-Encoding': 'br',
  });
  expect(unknown.status).toBe(404);
});

test('pages are compressed by the server at its fastest settings, as the browser accepts', async ({
  baseURL,
}) => {
  // Next's own compression is off (next.config.js): serve.mjs compresses what Next answers.
  const br = await get(baseURL!, '/sign-in', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
  expect(br.status).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers.vary).toMatch(/accept-encoding/i);
  expect(brotliDecompressSync(br.body).toString()).toMatch(/^<!DOCTYPE html>/i);
  const gzip = await get(baseURL!, '/sign-in', { 'Accept-Encoding': 'gzip' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).toString()).toMatch(/^<!DOCTYPE html>/i);
  const plain = await get(baseURL!, '/sign-in', { 'Accept-Encoding': 'identity' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toMatch(/^<!DOCTYPE html>/i);
});
