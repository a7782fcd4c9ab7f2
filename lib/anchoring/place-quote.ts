import { anchorQuote } from './anchor-quote';
import { targetFromDocumentRange, toDocumentPosition } from './document-text';
import type { DocumentIndex, Target } from './types';

/** A quote from elsewhere (an import file) with the hints it came with. */
export interface QuoteToPlace {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** document-level offsets in code points (a W3C TextPositionSelector) */
  positionHint?: { start: number; end: number };
  /** a block anchor the quote was scoped to (a FragmentSelector such as "p-7") */
  fragment?: string;
  /** block offsets in UTF-16 units, from Marginalia's own export */
  blockHint?: { start: { block: string; offset: number }; end: { block: string; offset: number } };
}

export interface PlacedQuote {
  target: Target;
  /** REANCHORED when the quote was found only approximately */
  status: 'ANCHORED' | 'REANCHORED';
}

// Exports since selectors follow the page text write the line between two blocks as one
// "\n" (the reader page's <article> text), older ones as "\n\n" (the document text). A lone
// "\n" in a quote is read as a block boundary; "\n\n" stays as it is.
const LONE_NEWLINE = /(?<!\n)\n(?!\n)/g;

function toDocumentSeparators(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.replace(LONE_NEWLINE, '\n\n');
}

/**
 * A TextPositionSelector's start as a document offset. Older exports counted in the
 * document text, newer ones in the page text (one character less per block boundary):
 * the reading whose text there is the quote wins; otherwise the page text (the contract).
 */
function hintPosition(index: DocumentIndex, fromCodePoints: (cp: number) => number, quote: QuoteToPlace) {
  if (!quote.positionHint) return undefined;
  const at = fromCodePoints(quote.positionHint.start);
  if (index.text.startsWith(quote.exact, at)) return at;
  // Page offset → document offset: add one per block boundary before it.
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] - mid <= at) lo = mid;
    else hi = mid - 1;
  }
  return at + lo;
}

/** Our own exports carry block offsets: used as is when the text there is still the quote. */
function placeByBlockHint(index: DocumentIndex, quote: QuoteToPlace): Target | null {
  if (!quote.blockHint) return null;
  const s = toDocumentPosition(index, quote.blockHint.start);
  const e = toDocumentPosition(index, quote.blockHint.end);
  if (s === null || e === null || e <= s || index.text.slice(s, e) !== quote.exact) return null;
  const target = targetFromDocumentRange(index, s, e);
  return target && target.exact === quote.exact ? target : null;
}

/** Where a quote is in the document, or null (it will be an orphan). `fromCodePoints`
 * turns the position hint's code points into UTF-16 offsets (see code-points.ts). */
export function placeQuote(
  index: DocumentIndex,
  fromCodePoints: (cp: number) => number,
  given: QuoteToPlace,
): PlacedQuote | null {
  const quote: QuoteToPlace = {
    ...given,
    exact: toDocumentSeparators(given.exact)!,
    prefix: toDocumentSeparators(given.prefix),
    suffix: toDocumentSeparators(given.suffix),
  };
  const exact = placeByBlockHint(index, quote);
  if (exact) return { target: exact, status: 'ANCHORED' };
  const fragmentBlock = quote.fragment === undefined ? undefined : index.indexByAnchor.get(quote.fragment);
  const positionHint = quote.positionHint
    ? hintPosition(index, fromCodePoints, quote)
    : fragmentBlock !== undefined
      ? index.starts[fragmentBlock]
      : undefined;
  const found = anchorQuote(index, {
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    positionHint,
  });
  if (!found) return null;
  return { target: found.target, status: found.fuzzy ? 'REANCHORED' : 'ANCHORED' };
}
