import { alignBlocks, type BlockAlignment } from './block-alignment';
import {
  blockEnd,
  buildDocumentIndex,
  describeTarget,
  quoteBetween,
  targetFromDocumentRange,
} from './document-text';
import { normalizeQuote, normalizedDocument } from './normalize-text';
import { findApproximate, maxErrorsFor, type SearchScope } from './approximate-search';
import {
  findEverywhere,
  findExact,
  findNormalized,
  isPlausibleMatch,
  pickBest,
  surroundingsAgree,
  type Match,
} from './quote-search';
import type { AnchorStatus, BlockText, DocumentIndex, Target } from './types';

export { anchorQuote } from './anchor-quote';

export type ReanchorStrategy = 'same-position' | 'quote-in-block' | 'quote-in-document' | 'fuzzy' | 'orphan';

export interface ReanchorResult {
  status: AnchorStatus;
  target: Target | null;
  strategy: ReanchorStrategy;
}

const ORPHAN: ReanchorResult = { status: 'ORPHANED', target: null, strategy: 'orphan' };
/** Extra room around the expected position for the first, cheap approximate search. */
const WINDOW_SLACK = 32;

const alignments = new WeakMap<DocumentIndex, WeakMap<DocumentIndex, BlockAlignment>>();

function alignmentFor(oldIndex: DocumentIndex, newIndex: DocumentIndex): BlockAlignment {
  let byNew = alignments.get(oldIndex);
  if (!byNew) {
    byNew = new WeakMap();
    alignments.set(oldIndex, byNew);
  }
  let alignment = byNew.get(newIndex);
  if (!alignment) {
    alignment = alignBlocks(oldIndex, newIndex);
    byNew.set(newIndex, alignment);
  }
  return alignment;
}

/**
 * Finds a target from one document version in another, cheapest strategy first:
 * unchanged position → exact quote in its own block(s) → exact quote anywhere →
 * approximate quote right where it is expected (1 edit in 4), then anywhere in its
 * block(s) and their neighbours (1 edit in 8) → orphan. Quote styles, NBSP and
 * whitespace runs count as equal. A short quote only moves where its surroundings agree.
 */
export function reanchorTarget(
  oldIndex: DocumentIndex,
  target: Target,
  newIndex: DocumentIndex,
): ReanchorResult {
  if (target.exact.length === 0 || newIndex.blocks.length === 0) return ORPHAN;
  if (isAtSamePosition(oldIndex, target, newIndex)) {
    return {
      status: 'ANCHORED',
      target: describeTarget(newIndex, target.start, target.end),
      strategy: 'same-position',
    };
  }

  const home = homeBlocks(oldIndex, target, newIndex, alignmentFor(oldIndex, newIndex));
  const rank = {
    text: newIndex.text,
    prefix: target.prefix,
    suffix: target.suffix,
    expected: home.expected,
    length: target.exact.length,
  };
  const norm = normalizedDocument(newIndex);
  const quote = normalizeQuote(target.exact);
  const whole: [number, number][] = [[0, newIndex.text.length]];
  const plausible = (matches: Match[]) =>
    matches.filter((m) => isPlausibleMatch(newIndex.text, m, quote.length, target.prefix, target.suffix));
  const exactIn = (ranges: [number, number][]) =>
    plausible(ranges.flatMap(([a, b]) => findExact(newIndex.text, target.exact, a, b)));
  const normalizedIn = (ranges: [number, number][]) =>
    plausible(ranges.flatMap(([a, b]) => findNormalized(norm, quote, a, b)));
  const approximateIn = (ranges: [number, number][], scope: SearchScope) =>
    plausible(ranges.flatMap(([a, b]) => findApproximate(norm, quote, a, b, scope)));
  const fuzzyOrder = ['errors', 'context', 'length', 'distance'] as const;

  const stages: [ReanchorStrategy, () => Match | null][] = [
    ['quote-in-block', () => pickBest(exactIn(home.ranges), rank, ['distance', 'context'])],
    ['quote-in-block', () => pickBest(normalizedIn(home.ranges), rank, ['distance', 'context'])],
    [
      'quote-in-document',
      () => pickBest(plausible(findEverywhere(newIndex, target.exact)), rank, ['context', 'distance']),
    ],
    ['quote-in-document', () => pickBest(normalizedIn(whole), rank, ['context', 'distance'])],
    // Most edits are local: look right around the old place before scanning whole blocks.
    [
      'fuzzy',
      () => (home.window ? pickBest(approximateIn([home.window], 'near'), rank, [...fuzzyOrder]) : null),
    ],
    ['fuzzy', () => pickBest(approximateIn(home.neighbourhood, 'far'), rank, [...fuzzyOrder])],
  ];
  for (const [strategy, run] of stages) {
    const match = run();
    const placed = match && targetFromDocumentRange(newIndex, match.start, match.end);
    if (placed) return { status: 'REANCHORED', target: placed, strategy };
  }
  return ORPHAN;
}

/** Re-anchors many targets between two versions, building the indexes and caches once. */
export function reanchorAll(
  oldBlocks: BlockText[],
  newBlocks: BlockText[],
  targets: Target[],
): ReanchorResult[] {
  const oldIndex = buildDocumentIndex(oldBlocks);
  const newIndex = buildDocumentIndex(newBlocks);
  return targets.map((target) => reanchorTarget(oldIndex, target, newIndex));
}

function isAtSamePosition(oldIndex: DocumentIndex, target: Target, newIndex: DocumentIndex): boolean {
  let quote: string;
  try {
    quote = quoteBetween(newIndex, target.start, target.end);
  } catch {
    return false;
  }
  if (quote !== target.exact) return false;
  const unchanged = [target.start.block, target.end.block].every((anchor) => {
    const before = oldIndex.indexByAnchor.get(anchor);
    const after = newIndex.indexByAnchor.get(anchor);
    return (
      before !== undefined &&
      after !== undefined &&
      oldIndex.blocks[before].text === newIndex.blocks[after].text
    );
  });
  if (unchanged) return true;
  // The same words at the same offsets of a rewritten block may be a coincidence
  // (short quotes); insist that the surroundings still agree on one side.
  const s = newIndex.starts[newIndex.indexByAnchor.get(target.start.block) as number] + target.start.offset;
  const e = s + quote.length;
  return surroundingsAgree(newIndex.text, s, e, target.prefix, target.suffix);
}

interface HomeBlocks {
  /** Document ranges of the target's own block(s) in the new version. */
  ranges: [number, number][];
  /** The same, widened by one block each side, for approximate matching. */
  neighbourhood: [number, number][];
  /** Expected new document position of the quote's start. */
  expected: number | null;
  /** A small range around the expected position, for the first approximate search. */
  window: [number, number] | null;
}

function homeBlocks(
  oldIndex: DocumentIndex,
  target: Target,
  newIndex: DocumentIndex,
  alignment: BlockAlignment,
): HomeBlocks {
  const spans: [number, number][] = [];
  const last = newIndex.blocks.length - 1;
  const sameStart = newIndex.indexByAnchor.get(target.start.block);
  const sameEnd = newIndex.indexByAnchor.get(target.end.block);
  if (sameStart !== undefined || sameEnd !== undefined) {
    const a = sameStart ?? (sameEnd as number);
    const b = sameEnd ?? a;
    spans.push([Math.min(a, b), Math.max(a, b)]);
  }
  const oldStart = oldIndex.indexByAnchor.get(target.start.block);
  const oldEnd = oldIndex.indexByAnchor.get(target.end.block);
  let expected: number | null = null;
  if (oldStart !== undefined) {
    const a = alignment.newIndexOf[oldStart];
    const b = oldEnd !== undefined ? alignment.newIndexOf[oldEnd] : a;
    spans.push([Math.min(a, b), Math.max(a, b)]);
    const offset = Math.min(target.start.offset, oldIndex.blocks[oldStart].text.length);
    expected = newIndex.starts[a] + alignment.mapOffset(oldStart, a, offset);
  } else if (sameStart !== undefined) {
    expected =
      newIndex.starts[sameStart] + Math.min(target.start.offset, newIndex.blocks[sameStart].text.length);
  }
  const toRanges = (list: [number, number][]) =>
    mergeSpans(list).map(([a, b]): [number, number] => [newIndex.starts[a], blockEnd(newIndex, b)]);
  const length = target.exact.length;
  const room = maxErrorsFor(length) + WINDOW_SLACK;
  const window: [number, number] | null =
    expected === null
      ? null
      : [Math.max(0, expected - room), Math.min(newIndex.text.length, expected + length + room)];
  return {
    window,
    ranges: toRanges(spans),
    neighbourhood: toRanges(spans.map(([a, b]) => [Math.max(0, a - 1), Math.min(last, b + 1)])),
    expected,
  };
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = spans.slice().sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const top = merged[merged.length - 1];
    if (top && a <= top[1] + 1) top[1] = Math.max(top[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
