import { compareSignatures, SignatureBuilder } from './block-similarity';
import type { BlockKind, ParsedBlock } from './types';

/** Blocks at least this similar (and of the same kind) are the same block, edited. */
export const SAME_BLOCK_SIMILARITY = 0.6;

/** Above this many cells (n × m) the alignment first pins unchanged blocks (memory and time). */
const MAX_ALIGNMENT_CELLS = 1_500_000;
const EXACT_SCORE = 2000; // an unchanged block always outweighs an edited one

const NUMBERED: Partial<Record<BlockKind, 'h' | 'p' | 'c'>> = { HEADING: 'h', PARAGRAPH: 'p', CAPTION: 'c' };
const NAMED: Partial<Record<BlockKind, string>> = {
  TITLE: 'title',
  STANDFIRST: 'standfirst',
  BYLINE: 'byline',
};

type PreviousBlock = { kind: BlockKind; anchor: string; text: string };
type NextBlock = { kind: BlockKind; text: string };

/**
 * Gives every block of a new version its anchor. Unchanged and lightly edited blocks keep
 * the anchor they had, so permalinks and annotations follow them; new blocks get numbers
 * above every number ever used for their kind, so an old link never lands on new text.
 */
export function assignAnchors(
  previous: PreviousBlock[] | null,
  next: NextBlock[],
  usedAnchors: Iterable<string> = [],
): ParsedBlock[] {
  const highest = { h: 0, p: 0, c: 0 };
  const noteAnchor = (anchor: string) => {
    const m = /^([hpc])-(\d{1,9})$/.exec(anchor);
    if (m) highest[m[1] as 'h' | 'p' | 'c'] = Math.max(highest[m[1] as 'h' | 'p' | 'c'], Number(m[2]));
  };
  for (const block of previous ?? []) noteAnchor(block.anchor);
  for (const anchor of usedAnchors) noteAnchor(anchor);

  const inherited = previous ? matchBlocks(previous, next) : [];
  const taken = new Set<string>();
  return next.map((block, j) => {
    let anchor = inherited[j];
    if (anchor === undefined || taken.has(anchor)) anchor = freshAnchor(block.kind, highest, taken);
    taken.add(anchor);
    return { kind: block.kind, anchor, text: block.text };
  });
}

function freshAnchor(kind: BlockKind, highest: Record<'h' | 'p' | 'c', number>, taken: Set<string>): string {
  const prefix = NUMBERED[kind];
  if (prefix) return `${prefix}-${++highest[prefix]}`;
  const name = NAMED[kind] ?? kind.toLowerCase();
  // A parsed article has at most one of each; a second one must still get a unique anchor.
  let anchor = name;
  for (let n = 2; taken.has(anchor); n++) anchor = `${name}-${n}`;
  return anchor;
}

/**
 * For each next block, the anchor of the previous block it continues, if any. Named blocks
 * (title, standfirst, byline) keep their names anyway, so only numbered blocks are aligned,
 * in order, like a diff: common head and tail first, then a weighted LCS over the middle.
 */
function matchBlocks(previous: PreviousBlock[], next: NextBlock[]): (string | undefined)[] {
  const result: (string | undefined)[] = new Array(next.length).fill(undefined);
  const a = previous.filter((b) => NUMBERED[b.kind]);
  const bIndex = next.map((b, j) => (NUMBERED[b.kind] ? j : -1)).filter((j) => j >= 0);
  const b = bIndex.map((j) => next[j]);
  const same = (i: number, j: number) => a[i].kind === b[j].kind && a[i].text === b[j].text;

  let head = 0;
  while (head < a.length && head < b.length && same(head, head)) {
    result[bIndex[head]] = a[head].anchor;
    head++;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a.length - 1 - tail, b.length - 1 - tail)) {
    result[bIndex[b.length - 1 - tail]] = a[a.length - 1 - tail].anchor;
    tail++;
  }
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 || m === 0) return result;

  const pairs =
    n * m <= MAX_ALIGNMENT_CELLS
      ? alignBySimilarity(a.slice(head, head + n), b.slice(head, head + m))
      : alignLandmarks(a.slice(head, head + n), b.slice(head, head + m));
  for (const [i, j] of pairs) result[bIndex[head + j]] = a[head + i].anchor;
  return result;
}

/** Weighted LCS: maximises the total similarity of matched pairs, keeping their order. */
function alignBySimilarity(a: PreviousBlock[], b: NextBlock[]): [number, number][] {
  const builder = new SignatureBuilder();
  const sigA = a.map((block) => builder.build(block.text));
  const sigB = b.map((block) => builder.build(block.text));
  const score = (i: number, j: number): number => {
    if (a[i].kind !== b[j].kind) return 0;
    if (a[i].text === b[j].text) return EXACT_SCORE;
    const similarity = compareSignatures(sigA[i], sigB[j], SAME_BLOCK_SIMILARITY);
    return similarity >= SAME_BLOCK_SIMILARITY ? Math.round(similarity * 1000) : 0;
  };

  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Int32Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
      const s = score(i - 1, j - 1);
      if (s > 0) best = Math.max(best, table[(i - 1) * width + j - 1] + s);
      table[i * width + j] = best;
    }
  }

  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = table[i * width + j];
    if (here === table[(i - 1) * width + j]) i--;
    else if (here === table[i * width + j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs;
}

/** Occurrences beyond this make a text useless as a landmark (like "* * *" separators). */
const MAX_LANDMARK_REPEATS = 50;

/**
 * For documents too large to align pairwise: a longest common subsequence of unchanged
 * blocks (Hunt–Szymanski, O(n log n) for distinct texts), then the similarity alignment
 * inside each gap between two unchanged blocks that is small enough.
 */
function alignLandmarks(a: PreviousBlock[], b: NextBlock[]): [number, number][] {
  const positions = new Map<string, number[]>();
  a.forEach((block, i) => {
    const key = `${block.kind}\u0000${block.text}`;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });

  const chain: { i: number; j: number; previous: number }[] = [];
  const tails: number[] = []; // tails[k]: the chain entry ending the best run of length k + 1
  b.forEach((block, j) => {
    const list = positions.get(`${block.kind}\u0000${block.text}`);
    if (!list || list.length > MAX_LANDMARK_REPEATS) return;
    // Descending, so two entries for the same j never extend each other.
    for (let k = list.length - 1; k >= 0; k--) {
      const i = list[k];
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (chain[tails[mid]].i < i) low = mid + 1;
        else high = mid;
      }
      chain.push({ i, j, previous: low > 0 ? tails[low - 1] : -1 });
      tails[low] = chain.length - 1;
    }
  });

  const landmarks: [number, number][] = [];
  for (let e = tails.length > 0 ? tails[tails.length - 1] : -1; e >= 0; e = chain[e].previous) {
    landmarks.push([chain[e].i, chain[e].j]);
  }
  landmarks.reverse();

  const pairs: [number, number][] = [];
  let fromA = 0;
  let fromB = 0;
  for (const [i, j] of [...landmarks, [a.length, b.length] as [number, number]]) {
    const gapA = i - fromA;
    const gapB = j - fromB;
    if (gapA > 0 && gapB > 0 && gapA * gapB <= MAX_ALIGNMENT_CELLS) {
      for (const [gi, gj] of alignBySimilarity(a.slice(fromA, i), b.slice(fromB, j))) {
        pairs.push([fromA + gi, fromB + gj]);
      }
    }
    if (i < a.length) pairs.push([i, j]);
    fromA = i + 1;
    fromB = j + 1;
  }
  return pairs;
}
