// Where readers disagree: passages several readers highlighted (their highlights overlap by
// at least a threshold) and tagged differently, ranked by how split the tags are. The same
// passages, agreeing or not, are the units of the agreement figure (agreement.ts).

import type { Rating } from './agreement';

export interface ReaderHighlight {
  id: string;
  readerId: string;
  readerName: string;
  /** offsets in the document's text (blocks joined by one character) */
  start: number;
  end: number;
  /** the first tag is the one that counts for agreement */
  tags: readonly string[];
  note: string;
  exact: string;
  paragraph: number | null;
  anchor: string;
}

export interface Passage {
  start: number;
  end: number;
  /** one highlight per reader (their longest in the passage), in reading order of readers */
  readings: ReaderHighlight[];
  /** how many readers gave each (first) tag, most given first */
  tagCounts: { tag: string; readers: number }[];
  /** 0 when all agree; 1 − (share of the most given tag) */
  split: number;
  paragraph: number | null;
  anchor: string;
}

/** Overlap of two spans as a share of the shorter: 1 when one lies within the other. */
export function overlapShare(
  a: Pick<ReaderHighlight, 'start' | 'end'>,
  b: Pick<ReaderHighlight, 'start' | 'end'>,
) {
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (common <= 0) return 0;
  return shorter <= 0 ? 1 : common / shorter;
}

export const DEFAULT_OVERLAP = 0.5;

/** Groups highlights of different readers that overlap by at least `threshold` (transitively)
 * into passages that at least two readers highlighted. */
export function findSharedPassages(
  highlights: readonly ReaderHighlight[],
  threshold = DEFAULT_OVERLAP,
): Passage[] {
  const items = [...highlights]
    .filter((h) => h.tags.length > 0)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length && items[j].start < items[i].end; j++)
      if (items[i].readerId !== items[j].readerId && overlapShare(items[i], items[j]) >= threshold)
        parent[find(j)] = find(i);
  const groups = new Map<number, ReaderHighlight[]>();
  items.forEach((h, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(h);
  });
  const passages: Passage[] = [];
  for (const group of groups.values()) {
    const byReader = new Map<string, ReaderHighlight>();
    for (const h of group) {
      const current = byReader.get(h.readerId);
      if (!current || h.end - h.start > current.end - current.start) byReader.set(h.readerId, h);
    }
    if (byReader.size < 2) continue;
    const readings = [...byReader.values()].sort(
      (a, b) => a.start - b.start || a.readerName.localeCompare(b.readerName),
    );
    const counts = new Map<string, number>();
    for (const r of readings) counts.set(r.tags[0], (counts.get(r.tags[0]) ?? 0) + 1);
    const tagCounts = [...counts]
      .map(([tag, readers]) => ({ tag, readers }))
      .sort((a, b) => b.readers - a.readers || a.tag.localeCompare(b.tag));
    const first = group[0];
    passages.push({
      start: Math.min(...group.map((h) => h.start)),
      end: Math.max(...group.map((h) => h.end)),
      readings,
      tagCounts,
      split: round(1 - tagCounts[0].readers / readings.length),
      paragraph: first.paragraph,
      anchor: first.anchor,
    });
  }
  return passages.sort((a, b) => a.start - b.start);
}

/** The passages readers tagged differently, most split first (then more readers, then
 * reading order). */
export function rankDisagreements(passages: readonly Passage[]): Passage[] {
  return passages
    .filter((p) => p.tagCounts.length > 1)
    .sort(
      (a, b) =>
        b.split - a.split ||
        b.tagCounts.length - a.tagCounts.length ||
        b.readings.length - a.readings.length ||
        a.start - b.start,
    );
}

/** The passages as units of the agreement figure: each reader's first tag. */
export function ratingsOf(passages: readonly Passage[]): Rating[] {
  return passages.flatMap((p, i) =>
    p.readings.map((r) => ({ unit: String(i), rater: r.readerId, value: r.tags[0] })),
  );
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
