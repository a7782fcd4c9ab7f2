// Serves the built app as `next start` does, and tells the route handlers who is on the other
// end of the socket. Next 16 route handlers never see the socket: Next writes its address into
// X-Forwarded-For only when the client sent none, so a client could choose its own address.
// Here every request carries the socket's peer in x-marginalia-peer (whatever the client put
// there is overwritten), and MARGINALIA_PEER_HEADER=on tells lib/server/client-address.ts that
// the header can be believed. X-Forwarded-For is then believed only from TRUSTED_PROXIES.
// The build's /_next/static/ files are answered from bytes compressed once (static-assets.mjs);
// everything else (pages, API, a file it does not know) goes to Next, and its answers are
// compressed here at the fastest settings (brotli quality 1, else gzip level 1) instead of
// by Next (gzip level 6, turned off in next.config.js): the reader's highlights at 10,000
// annotations (630 KB of JSON) took about 40 ms less to answer, for the same size
// (docs/benchmarks.md, "Dynamic answers compressed by serve.mjs"). An answer marked
// `no-transform` (the event stream, write answers: ADR 0023) is sent as it is.
//
//   node scripts/serve.mjs -H 127.0.0.1 -p 3000
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import compression from 'compression';
import next from 'next';
import { createStaticAssets } from './static-assets.mjs';

function option(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i === -1 ? fallback : process.argv[i + 1];
}

const hostname = option('-H', process.env.HOST ?? '127.0.0.1');
const port = Number(option('-p', process.env.PORT ?? '3000'));
const dir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

process.env.MARGINALIA_PEER_HEADER = 'on';
process.env.NODE_ENV = 'production';
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const staticAssets = createStaticAssets(path.resolve(dir, process.env.NEXT_DIST_DIR || '.next'));
const compress = compression({
  level: 1,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
});

const server = createServer((request, response) => {
  request.headers['x-marginalia-peer'] = request.socket.remoteAddress ?? '';
  staticAssets(request, response, () => compress(request, response, () => void handle(request, response)));
});
server.listen(port, hostname, () => console.log(`▲ Marginalia ready on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
