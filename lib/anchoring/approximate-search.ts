import search from 'approx-string-match';
import { normalizedPosition, originalSpan, type NormalizedText } from './normalize-text';
import type { Match } from './quote-search';

/** Quotes shorter than this (after normalisation) are never matched approximately: too many false hits. */
export const MIN_FUZZY_LENGTH = 4;
/** Above this length only the head and tail are matched approximately, then checked for span. */
const HEAD_TAIL_THRESHOLD = 256;
const HEAD_TAIL_LENGTH = 64;
/** Shortest exact piece worth using as a filter; shorter ones hit everywhere in prose. */
const MIN_PIECE_LENGTH = 5;

/**
 * 'near': right where the quote is expected, up to 1 edit in 4 characters.
 * 'far': anywhere in a wider region, up to 1 edit in 8 — more evidence is needed away
 * from the expected place, and the tighter budget lets an exact-piece filter skip most
 * of the region.
 */
export type SearchScope = 'near' | 'far';

/** Edits allowed for an approximate match of a quote of this length. */
export function maxErrorsFor(length: number, scope: SearchScope = 'near'): number {
  return Math.max(1, Math.floor(length / (scope === 'near' ? 4 : 8)));
}

/** Approximate occurrences of a normalised quote within original range [from, to). */
export function findApproximate(
  norm: NormalizedText,
  quote: string,
  from: number,
  to: number,
  scope: SearchScope = 'near',
): Match[] {
  if (quote.length < MIN_FUZZY_LENGTH) return [];
  const nFrom = normalizedPosition(norm, from);
  const nTo = normalizedPosition(norm, to);
  if (nTo <= nFrom) return [];
  const region = norm.text.slice(nFrom, nTo);
  const maxErrors = maxErrorsFor(quote.length, scope);
  const windows =
    scope === 'far' ? candidateWindows(region, quote, maxErrors) : [[0, region.length] as const];

  const trimStart = quote[0] !== ' ';
  const trimEnd = quote[quote.length - 1] !== ' ';
  const matches: Match[] = [];
  for (const [a, b] of windows) {
    const text = a === 0 && b === region.length ? region : region.slice(a, b);
    const found =
      quote.length <= HEAD_TAIL_THRESHOLD
        ? search(text, quote, maxErrors)
        : matchHeadAndTail(text, quote, scope);
    for (const m of found) {
      // An edit at the quote's edge can be matched as a substituted space ("xword" ~ " word");
      // a reader never meant the space, so drop it.
      let start = a + m.start;
      let end = a + m.end;
      if (trimStart && region[start] === ' ') start++;
      if (trimEnd && region[end - 1] === ' ') end--;
      if (end > start) matches.push({ ...originalSpan(norm, nFrom + start, nFrom + end), errors: m.errors });
    }
  }
  return matches;
}

/**
 * Parts of the region that can hold a match with at most `maxErrors` edits. Cut the
 * quote into maxErrors + 1 pieces: each edit spoils at most one, so any match contains
 * some piece exactly, and only the surroundings of exact piece hits need the costly search.
 */
function candidateWindows(region: string, quote: string, maxErrors: number): (readonly [number, number])[] {
  const pieces = maxErrors + 1;
  const pieceLength = Math.floor(quote.length / pieces);
  if (pieceLength < MIN_PIECE_LENGTH) return [[0, region.length]];
  const spans: [number, number][] = [];
  for (let i = 0; i < pieces; i++) {
    const offset = i * pieceLength;
    const piece = quote.slice(offset, i === pieces - 1 ? quote.length : offset + pieceLength);
    for (let hit = region.indexOf(piece); hit >= 0; hit = region.indexOf(piece, hit + 1)) {
      spans.push([
        Math.max(0, hit - offset - maxErrors),
        Math.min(region.length, hit - offset + quote.length + maxErrors),
      ]);
    }
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  let covered = 0;
  for (const [a, b] of spans) {
    const top = merged[merged.length - 1];
    if (top && a <= top[1]) top[1] = Math.max(top[1], b);
    else merged.push([a, b]);
  }
  for (const [a, b] of merged) covered += b - a;
  return covered >= region.length ? [[0, region.length]] : merged;
}

/**
 * Long quotes: find the head and the tail separately (cost stays linear in the region)
 * and accept a pair whose span is within the error budget of the quote's length.
 */
function matchHeadAndTail(region: string, quote: string, scope: SearchScope): Match[] {
  const partErrors = maxErrorsFor(HEAD_TAIL_LENGTH, scope);
  const heads = search(region, quote.slice(0, HEAD_TAIL_LENGTH), partErrors);
  if (heads.length === 0) return [];
  const tails = search(region, quote.slice(-HEAD_TAIL_LENGTH), partErrors);
  const budget = maxErrorsFor(quote.length, scope);
  const matches: Match[] = [];
  for (const head of heads) {
    let best: Match | null = null;
    for (const tail of tails) {
      if (tail.end <= head.end) continue;
      const lengthError = Math.abs(tail.end - head.start - quote.length);
      const errors = head.errors + tail.errors + lengthError;
      if (errors <= budget && (best === null || errors < best.errors))
        best = { start: head.start, end: tail.end, errors };
    }
    if (best) matches.push(best);
  }
  return matches;
}
