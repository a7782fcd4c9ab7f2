import { targetFromDocumentRange } from './document-text';
import { normalizeQuote, normalizedDocument } from './normalize-text';
import { findApproximate, maxErrorsFor, type SearchScope } from './approximate-search';
import { findEverywhere, findNormalized, isPlausibleMatch, pickBest, type Match } from './quote-search';
import type { DocumentIndex, Target } from './types';

/** Extra room around the position hint for the first, cheap approximate search. */
const HINT_SLACK = 32;

export interface QuoteToAnchor {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Expected start in the document text, blocks joined by "\n\n" (e.g. a TextPositionSelector's start). */
  positionHint?: number;
}

/**
 * Places a bare TextQuote (e.g. from a W3C import) in a document: exact text first,
 * preferring the occurrence whose prefix/suffix agree, then the one nearest the hint;
 * then the same ignoring quote styles and spacing; then an approximate match (near the
 * hint first, then anywhere with a tighter error budget). A short quote that occurs
 * several times is only placed where its given context agrees.
 * `fuzzy` is true when the anchored text differs from the given quote.
 */
export function anchorQuote(
  index: DocumentIndex,
  quote: QuoteToAnchor,
): { target: Target; fuzzy: boolean } | null {
  if (quote.exact.length === 0 || index.blocks.length === 0) return null;
  const hint =
    typeof quote.positionHint === 'number' && Number.isFinite(quote.positionHint) ? quote.positionHint : null;
  const rank = {
    text: index.text,
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
    expected: hint,
    length: quote.exact.length,
  };
  const whole = index.text.length;
  const norm = normalizedDocument(index);
  const normalized = normalizeQuote(quote.exact);
  const plausible = (matches: Match[]) =>
    matches.filter((m) => isPlausibleMatch(index.text, m, normalized.length, rank.prefix, rank.suffix));
  // Context from another tool's copy of the page is weaker evidence than our own: a quote
  // found exactly once stands on its own, and without context there is nothing to judge by.
  const hasContext = rank.prefix.length > 0 || rank.suffix.length > 0;
  const plausibleIfContext = (matches: Match[]) =>
    hasContext && matches.length > 1 ? plausible(matches) : matches;
  const approximate = (from: number, to: number, scope: SearchScope) =>
    pickBest(plausible(findApproximate(norm, normalized, from, to, scope)), rank, [
      'errors',
      'context',
      'length',
      'distance',
    ]);
  const room = maxErrorsFor(quote.exact.length) + HINT_SLACK;
  const searches: (() => Match | null)[] = [
    () => pickBest(plausibleIfContext(findEverywhere(index, quote.exact)), rank, ['context', 'distance']),
    () =>
      pickBest(plausibleIfContext(findNormalized(norm, normalized, 0, whole)), rank, ['context', 'distance']),
    // Scanning the whole document approximately is the costly step; try around the hint first.
    () =>
      hint === null
        ? null
        : approximate(Math.max(0, hint - room), Math.min(whole, hint + quote.exact.length + room), 'near'),
    () => approximate(0, whole, 'far'),
  ];
  for (const run of searches) {
    const match = run();
    const target = match && targetFromDocumentRange(index, match.start, match.end);
    if (target) return { target, fuzzy: target.exact !== quote.exact };
  }
  return null;
}
