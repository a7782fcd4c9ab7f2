// Mixed load: 50 annotators of the scene's group (its 30 signed-up readers, each with
// its session cookie), each sending its next request as soon as the previous one is
// answered (no think time, so at most 50 in flight), for 60 s (`--quick`: 10 s;
// `--mixed-seconds=N`). Each picks create 45 %, edit 30 % (PATCH of one of its own
// annotations with the `rev` it last got), delete 20 % (one of its own) and list 5 % (one
// page of the document's annotations at the default size, as each of the reader page's
// background requests asks for one: the list is paged since ADR 0023); with none of its own left,
// it creates. Then every acknowledged write is checked against the database
// (lib/reconcile.ts), and the run's rows are removed so later sections see the scene as seeded.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BenchReader } from './lib/http';
import { reconcile, removeRunRows, type Acknowledged } from './lib/reconcile';
import { SAMPLE_SLUG, type BenchScene } from './lib/seed';
import { makeTargets, seededRandom } from './lib/targets';
import { ms, percentile, perSecond, type Row } from './lib/stats';

const ANNOTATORS = 50;
const DEFAULT_SECONDS = 60;
const QUICK_SECONDS = 10;
const REQUEST_TIMEOUT_MS = 30_000;
const TARGETS = { p99: 250 };
// A reader lists the document's annotations once per visit and writes many. Before the list
// was paged (ADR 0023) one list of the 10,000 cost ~100 writes of server time; a page of 500
// costs a few.
const MIX = [
  ['create', 0.45],
  ['edit', 0.3],
  ['delete', 0.2],
  ['list', 0.05],
] as const;
type Op = (typeof MIX)[number][0];
const TAGS = ['claim', 'evidence', 'framing'];

export function mixedSeconds(argv: string[]): number {
  const given = argv.find((a) => a.startsWith('--mixed-seconds='));
  if (given) return Math.max(1, Number(given.split('=')[1]) || DEFAULT_SECONDS);
  return argv.includes('--quick') ? QUICK_SECONDS : DEFAULT_SECONDS;
}

interface Init {
  method?: string;
  headers: Record<string, string>;
  body?: string;
}

/** One request over a keep-alive agent, given up (socket destroyed) after
 * REQUEST_TIMEOUT_MS. node:http rather than fetch: an AbortSignal firing while fetch
 * reads a body could leave the promise unsettled under heavy load, and it costs the
 * load generator less CPU, which it shares with the app. */
function request(agent: http.Agent, url: string, init: Init): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, value?: { status: number; text: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const req = http.request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        settle(null, { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', (error) => settle(error));
      res.on('close', () => settle(new Error('connection closed')));
    });
    const timer = setTimeout(() => {
      settle(new Error('timeout'));
      req.destroy();
    }, REQUEST_TIMEOUT_MS);
    req.on('error', (error) => settle(error));
    req.end(init.body);
  });
}

const noteDoc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface Sample {
  op: Op;
  ms: number;
  ok: boolean;
}

export interface MixedResult {
  rows: Row[];
  lines: string[];
}

export async function runMixedBench(scene: BenchScene, opts: { seconds: number }): Promise<MixedResult> {
  // 50 annotators on the scene's 30 readers: some readers write from two tabs at once.
  // Each annotator edits and deletes only what it created itself, so none races another.
  const readers = Array.from({ length: ANNOTATORS }, (_, c) => scene.readers[c % scene.readers.length]);
  const runId = randomBytes(4).toString('hex');
  const blocks = scene.index.blocks.map((b) => ({ anchor: b.anchor, text: b.text }));
  const { targets } = makeTargets(blocks, 2_000, 99);
  const base = `${scene.baseUrl}/api/v1`;
  const acknowledged = new Map<string, Acknowledged>();
  const failedTokens = new Set<string>();
  const samples: Sample[] = [];
  const failures = new Map<string, number>();
  const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);

  const agent = new http.Agent({ keepAlive: true, maxSockets: ANNOTATORS });
  async function send(op: Op, url: string, init: Init, expected: number) {
    const started = performance.now();
    try {
      const response = await request(agent, url, init);
      const elapsed = performance.now() - started;
      const ok = response.status === expected;
      if (!ok) fail(`${op} ${response.status}`);
      return { ok, elapsed, text: response.text };
    } catch (error) {
      fail(`${op} ${(error as Error).message}`);
      return { ok: false, elapsed: performance.now() - started, text: '' };
    }
  }

  async function client(reader: BenchReader, c: number, deadline: number) {
    const next = seededRandom(1000 + c);
    const headers = { 'content-type': 'application/json', origin: scene.baseUrl, cookie: reader.cookie };
    const live: string[] = [];
    let n = 0;
    while (performance.now() < deadline) {
      const roll = next();
      let op: Op = 'create';
      let acc = 0;
      for (const [name, share] of MIX) {
        acc += share;
        if (roll < acc) {
          op = name;
          break;
        }
      }
      if ((op === 'edit' || op === 'delete') && live.length === 0) op = 'create';
      const token = `mixed-${runId} c${c} n${n++}`;
      let result: { ok: boolean; elapsed: number; text: string };
      if (op === 'create') {
        const t = targets[(c * 97 + n) % targets.length];
        const body = {
          target: { start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix },
          tags: [TAGS[n % 3]],
          groupId: scene.groupId,
          note: noteDoc(`A note from the mixed load, ${token}.`),
        };
        const url = `${base}/documents/${SAMPLE_SLUG}/annotations`;
        result = await send(op, url, { method: 'POST', headers, body: JSON.stringify(body) }, 201);
        if (result.ok) {
          const { annotation } = JSON.parse(result.text) as { annotation: { id: string; rev: number } };
          acknowledged.set(annotation.id, { token, rev: annotation.rev, deleted: false, uncertain: false });
          live.push(annotation.id);
        } else failedTokens.add(token);
      } else if (op === 'edit') {
        const id = live[Math.floor(next() * live.length)];
        const ack = acknowledged.get(id)!;
        // The note keeps the create's token, so the row is still found by it.
        const body = { rev: ack.rev, tags: [TAGS[n % 3]], note: noteDoc(`Edited, ${ack.token}, ${token}.`) };
        result = await send(
          op,
          `${base}/annotations/${id}`,
          { method: 'PATCH', headers, body: JSON.stringify(body) },
          200,
        );
        if (result.ok) ack.rev = (JSON.parse(result.text) as { annotation: { rev: number } }).annotation.rev;
        else {
          // Its rev is not known any more: leave it alone rather than count a 409 after it.
          ack.uncertain = true;
          live.splice(live.indexOf(id), 1);
        }
      } else if (op === 'delete') {
        const at = Math.floor(next() * live.length);
        const id = live[at];
        live.splice(at, 1);
        result = await send(op, `${base}/annotations/${id}`, { method: 'DELETE', headers }, 204);
        const ack = acknowledged.get(id)!;
        if (result.ok) ack.deleted = true;
        else ack.uncertain = true;
      } else {
        // The first page, at the default size (no `limit`), as the reader page asks for it.
        result = await send(op, `${base}/documents/${SAMPLE_SLUG}/annotations`, { headers }, 200);
      }
      samples.push({ op, ms: result.elapsed, ok: result.ok });
    }
  }

  console.log(
    `[mixed] ${readers.length} annotators × ${opts.seconds} s, no think time (create/edit/delete/list ${MIX.map(([, s]) => s * 100).join('/')} %)`,
  );
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(readers.map((reader, c) => client(reader, c, deadline)));
  const seconds = (performance.now() - started) / 1000;

  const check = await reconcile(scene.databaseUrl, runId, acknowledged, failedTokens);
  const removed = await removeRunRows(scene.databaseUrl, runId);

  // The floor for this load, same run: the same 50 clients, no think time, each sending a
  // create without its session cookie, which the route refuses (401) before any query or
  // body read: what Next.js alone costs per request at this concurrency on this machine.
  const floorSamples: number[] = [];
  const floorSeconds = Math.min(10, opts.seconds);
  const floorDeadline = performance.now() + floorSeconds * 1000;
  let floorErrors = 0;
  await Promise.all(
    readers.map(async (_, c) => {
      const t = targets[c % targets.length];
      const body = JSON.stringify({
        target: { start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix },
        tags: [TAGS[c % 3]],
        groupId: scene.groupId,
      });
      const headers = { 'content-type': 'application/json', origin: scene.baseUrl };
      while (performance.now() < floorDeadline) {
        const t0 = performance.now();
        try {
          const r = await request(agent, `${base}/documents/${SAMPLE_SLUG}/annotations`, {
            method: 'POST',
            headers,
            body,
          });
          if (r.status !== 401) floorErrors++;
        } catch {
          floorErrors++;
        }
        floorSamples.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();

  const all = samples.map((s) => s.ms);
  const errors = samples.filter((s) => !s.ok).length;
  const p50 = percentile(all, 50);
  const p99 = percentile(all, 99);
  const writes = samples.filter((s) => s.op !== 'list').length;
  const perOp = MIX.map(([op]) => {
    const of = samples.filter((s) => s.op === op).map((s) => s.ms);
    return `${op} ${of.length} (p50 ${ms(percentile(of, 50), 0)}, p99 ${ms(percentile(of, 99), 0)})`;
  });
  const lines = [
    `[mixed] ${samples.length.toLocaleString('en')} requests in ${seconds.toFixed(1)} s: ${perOp.join(', ')}; errors ${errors}${failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`,
    `[mixed] reconciliation: ${check.checked} created (201), ${[...acknowledged.values()].filter((a) => a.deleted).length} deleted (204), ${[...acknowledged.values()].filter((a) => a.uncertain).length} not judged (a request about them failed); lost ${check.lost.length}, deletes not applied ${check.undeleted.length}, stale rev ${check.staleRev.length}, duplicates ${check.duplicates.length}, unacknowledged rows ${check.unacknowledged.length}; ${removed} rows of the run removed afterwards`,
  ];
  lines.push(
    `[mixed] the floor, same ${readers.length} clients × ${floorSeconds} s refused without a session (401): ${perSecond(floorSamples.length / floorSeconds)}, p50 ${ms(percentile(floorSamples, 50), 0)}, p99 ${ms(percentile(floorSamples, 99), 0)}${floorErrors ? `, ${floorErrors} not 401` : ''}`,
  );
  for (const line of lines) console.log(line);
  const label = `mixed, ${readers.length} annotators × ${opts.seconds} s`;
  return {
    lines,
    rows: [
      {
        measure: `${label}: throughput (all / writes)`,
        value: `${perSecond(samples.length / seconds)} / ${perSecond(writes / seconds)}`,
      },
      { measure: `${label}: p50`, value: ms(p50, 0) },
      { measure: `${label}: p99`, value: ms(p99, 0), target: `≤ ${TARGETS.p99} ms`, met: p99 <= TARGETS.p99 },
      {
        measure: `  for scale: the floor (the same ${readers.length} clients refused, 401), throughput / p50 / p99`,
        value: `${perSecond(floorSamples.length / floorSeconds)} / ${ms(percentile(floorSamples, 50), 0)} / ${ms(percentile(floorSamples, 99), 0)}`,
      },
      { measure: `${label}: errors`, value: String(errors), target: '0', met: errors === 0 },
      {
        measure: `${label}: reconciliation mismatches`,
        value: String(check.mismatches),
        target: '0',
        met: check.mismatches === 0,
      },
    ],
  };
}
