// The build's content-hashed files under /_next/static/, answered with bytes compressed once
// per file and kept in memory (docs/adr/0026-static-chunks-compressed-once.md). `next start`
// gzips every chunk again on every request, on the one thread that also renders pages: a
// reader page's twelve chunks took 45–180 ms each that way, 11–26 ms uncompressed.
//
// Only files found under the build's static folder when the server starts are served (looked
// up by exact name in that list, so no request path ever reaches the file system); anything
// else, and any Range request, is left to Next (which answers a missing chunk with its 404).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const PREFIX = '/_next/static/';
/** The types worth compressing, with the Content-Type Next's `send` gives them. */
const TYPES = {
  '.js': 'application/javascript; charset=UTF-8',
  '.mjs': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.txt': 'text/plain; charset=UTF-8',
  '.svg': 'image/svg+xml',
};
/** What Next sends for its static folder (next/dist/server/lib/router-server.js). */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** A build's static folder is a few megabytes; past this, files are left to Next. */
const MAX_BYTES = 64 * 1024 * 1024;

function walk(root, rel, out) {
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, child, out);
    else if (entry.isFile()) out.push(child);
  }
}

/** The headers next.config.js gives every path (routes-manifest.json, as Next applies them),
 * for those rules that are plain (no `has`/`missing` conditions, no parameters in values). */
function configHeaders(distDir, pathname) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8'));
  } catch {
    return [];
  }
  const headers = [];
  for (const rule of manifest.headers ?? []) {
    if (rule.has || rule.missing || !new RegExp(rule.regex).test(pathname)) continue;
    for (const { key, value } of rule.headers) if (!/:\w/.test(key + value)) headers.push([key, value]);
  }
  return headers;
}

/**
 * The path below /_next/static/ as a file name relative to the static folder, or null when
 * it is not one a build could have written: an undecodable escape, an empty, `.` or `..`
 * segment, or a segment that decodes to a slash, a backslash or NUL.
 */
export function staticRelativePath(pathname) {
  if (!pathname.startsWith(PREFIX)) return null;
  const segments = pathname.slice(PREFIX.length).split('/');
  const decoded = [];
  for (const segment of segments) {
    let name;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) return null;
    decoded.push(name);
  }
  return decoded.join('/');
}

/** The first of `available` (in order of preference) that the Accept-Encoding header
 * allows, else 'identity'. */
export function chooseEncoding(acceptEncoding, available = ['br', 'gzip']) {
  const allowed = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    allowed.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const accepts = (name) => (allowed.get(name) ?? allowed.get('*') ?? 0) > 0;
  return available.find(accepts) ?? 'identity';
}

function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

async function compress(body) {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // A representation that is not smaller than the file is not worth the decoding.
  return { br: br.length < body.length ? br : null, gzip: gz.length < body.length ? gz : null };
}

/**
 * Lists the build's static files at once, and compresses them one after another in the
 * background (zlib's thread pool, one file at a time); a request for a file not compressed
 * yet waits for that file only. Returns `(request, response, next) => void`, which calls
 * `next()` for every request it leaves to Next.
 */
export function createStaticAssets(distDir) {
  const root = path.join(distDir, 'static');
  const files = new Map();
  const names = [];
  try {
    walk(root, '', names);
  } catch {
    // no static folder (not built): everything is left to Next
  }
  let total = 0;
  for (const name of names.sort()) {
    const type = TYPES[path.extname(name).toLowerCase()];
    if (!type) continue;
    const full = path.join(root, name);
    const stat = statSync(full);
    if (total + stat.size > MAX_BYTES) break;
    total += stat.size;
    files.set(name, { full, type, modified: stat.mtime.toUTCString(), entry: null });
  }
  const headers = configHeaders(distDir, `${PREFIX}chunks/x.js`);

  function load(file) {
    file.entry ??= (async () => {
      const body = readFileSync(file.full);
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
      return { body, hash, ...(await compress(body)) };
    })();
    return file.entry;
  }
  const warming = (async () => {
    for (const file of files.values()) await load(file).catch(() => undefined);
  })();

  function handle(request, response, next) {
    const pathname = (request.url ?? '').split('?')[0];
    if (!pathname.startsWith(PREFIX) || request.headers.range) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const name = staticRelativePath(pathname);
    if (name === null) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=UTF-8' });
      response.end('Bad path');
      return;
    }
    const file = files.get(name);
    if (!file) return next();
    load(file).then(
      (entry) => {
        const available = ['br', 'gzip'].filter((name) => entry[name]);
        const encoding = chooseEncoding(request.headers['accept-encoding'], available);
        const body = encoding === 'identity' ? entry.body : entry[encoding];
        const etag = `"${entry.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
        for (const [key, value] of headers) response.setHeader(key, value);
        response.setHeader('Cache-Control', CACHE_CONTROL);
        response.setHeader('Vary', 'Accept-Encoding');
        response.setHeader('ETag', etag);
        response.setHeader('Last-Modified', file.modified);
        if (etagMatches(request.headers['if-none-match'], etag)) {
          response.writeHead(304);
          response.end();
          return;
        }
        response.setHeader('Content-Type', file.type);
        response.setHeader('Content-Length', body.length);
        if (encoding !== 'identity') response.setHeader('Content-Encoding', encoding);
        response.writeHead(200);
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => {
        // gone since the server started (a rebuild under it): Next answers, and the next
        // request tries again
        file.entry = null;
        next();
      },
    );
  }
  return Object.assign(handle, { warming, size: files.size });
}
