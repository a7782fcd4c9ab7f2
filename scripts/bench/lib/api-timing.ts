// The API bench's shared parts: its sizes, the summary of a run's latencies, the request
// bodies (as the reader's client sends them) and a serial timer.
import { performance } from 'node:perf_hooks';
import { type BenchScene } from './seed';
import { makeTargets } from './targets';
import { median, percentile } from './stats';

export const SERIAL = 500;
export const WARM_UP = 50;
export const CONNECTIONS = 32;
export const SECONDS = 10;

export interface Summary {
  p50: number;
  p99: number;
  perSecond: number;
  count: number;
  failures: number;
}

export const summarize = (latencies: number[], seconds: number, failures = 0): Summary => ({
  p50: median(latencies),
  p99: percentile(latencies, 99),
  perSecond: latencies.length / seconds,
  count: latencies.length,
  failures,
});

/** Request bodies as the reader's client sends them: a valid selection, one or two tags,
 * shared with the group, half of them with a short note. */
export function requestBodies(scene: BenchScene, count: number): string[] {
  const blocks = scene.index.blocks.map((b) => ({ anchor: b.anchor, text: b.text }));
  const { targets } = makeTargets(blocks, count, 1234);
  return targets.map((t, i) =>
    JSON.stringify({
      target: { start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix },
      tags: i % 5 === 0 ? ['claim', 'evidence'] : [['claim', 'evidence', 'framing'][i % 3]],
      groupId: scene.groupId,
      ...(i % 2 === 0
        ? {
            note: {
              type: 'doc',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: `A note from the API bench, ${i}.` }] },
              ],
            },
          }
        : {}),
    }),
  );
}

export async function timeSerial(count: number, send: (i: number) => Promise<boolean>): Promise<Summary> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const ok = await send(i);
    latencies.push(performance.now() - t0);
    if (!ok) failures++;
  }
  return summarize(latencies, (performance.now() - started) / 1000, failures);
}

export async function fetchStatus(url: string, init: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}
