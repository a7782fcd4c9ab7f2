import { codePointMapping } from '@/lib/anchoring/code-points';
import type { QuoteToPlace } from '@/lib/anchoring/place-quote';
import type { DocumentIndex } from '@/lib/anchoring/types';

// Files give a quote across blocks and a TextPositionSelector in one of two texts of the
// same document: the blocks joined by "\n\n" (Marginalia's exports before issue 14, and
// the anchoring index), or joined by a single "\n" (the text of the reader page's
// <article>, which newer exports and other tools that read the page use). The quote and
// its context decide where an annotation goes; a position is only a hint, read in the
// text where it points at the quote, so that both kinds of file place the same way.

/** The page text (blocks joined by "\n") beside the index's, with the mappings between them. */
export interface QuoteAligner {
  align(quote: QuoteToPlace): QuoteToPlace;
}

const SINGLE_NEWLINE = /(?<!\n)\n(?!\n)/g;

export function quoteAligner(index: DocumentIndex): QuoteAligner {
  const indexCodePoints = codePointMapping(index.text);
  const pageText = index.blocks.map((b) => b.text).join('\n');
  const pageCodePoints = codePointMapping(pageText);

  /** A page-text offset (UTF-16) as an index-text offset: one more unit per block boundary. */
  const fromPageOffset = (offset: number): number => {
    // Block i starts at starts[i] - i in the page text.
    let lo = 0;
    let hi = index.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index.starts[mid] - mid <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset + lo;
  };

  /** The quote as the index spells it: its single newlines between blocks doubled. */
  const exactInIndex = (exact: string): string => {
    if (!exact.includes('\n') || index.text.includes(exact)) return exact;
    const doubled = exact.replace(SINGLE_NEWLINE, '\n\n');
    return doubled !== exact && index.text.includes(doubled) ? doubled : exact;
  };

  /** The hint in code points of the index text, read where it finds the quote if it can. */
  // A hint that points at the quote in neither text (another version, another tool) is
  // left as it is: the quote and its context decide, near or far from it.
  const hintInIndex = (hint: { start: number; end: number }, exact: string, original: string) => {
    const start = indexCodePoints.fromCodePoints(hint.start);
    if (index.text.slice(start, indexCodePoints.fromCodePoints(hint.end)) === exact) return hint;
    const pageStart = pageCodePoints.fromCodePoints(hint.start);
    const pageEnd = pageCodePoints.fromCodePoints(hint.end);
    if (pageText.slice(pageStart, pageEnd) !== original) return hint;
    return {
      start: indexCodePoints.toCodePoints(fromPageOffset(pageStart)),
      end: indexCodePoints.toCodePoints(fromPageOffset(pageEnd)),
    };
  };

  return {
    align(quote) {
      const exact = exactInIndex(quote.exact);
      const aligned: QuoteToPlace = { ...quote, exact };
      if (quote.positionHint) aligned.positionHint = hintInIndex(quote.positionHint, exact, quote.exact);
      return aligned;
    },
  };
}
