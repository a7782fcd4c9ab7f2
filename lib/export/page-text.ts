import { codePointMapping } from '@/lib/anchoring/code-points';
import { isHighSurrogate, isLowSurrogate } from '@/lib/anchoring/surrogates';
import { CONTEXT_LENGTH, type BlockText, type TextPoint } from '@/lib/anchoring/types';

// The text exported selectors refer to: the reader page's `<article>` text, i.e. the shown
// version's blocks joined by one "\n" (docs/api.md, "Which text offsets refer to"). Stored
// targets use the document text (blocks joined by "\n\n"); exports translate, so that other
// tools anchor the selectors on the page they see.

export const PAGE_SEPARATOR = '\n';

export interface PageText {
  text: string;
  /** UTF-16 start of each block in `text` */
  starts: number[];
  blocks: readonly BlockText[];
  indexByAnchor: Map<string, number>;
  toCodePoints: (utf16: number) => number;
}

export interface PageSelectors {
  exact: string;
  prefix: string;
  suffix: string;
  /** code points in the page text (a W3C TextPositionSelector) */
  position: { start: number; end: number };
}

export function buildPageText(blocks: readonly BlockText[]): PageText {
  const starts: number[] = [];
  const indexByAnchor = new Map<string, number>();
  let at = 0;
  blocks.forEach((block, i) => {
    starts.push(at);
    at += block.text.length + PAGE_SEPARATOR.length;
    if (!indexByAnchor.has(block.anchor)) indexByAnchor.set(block.anchor, i);
  });
  const text = blocks.map((b) => b.text).join(PAGE_SEPARATOR);
  return { text, starts, blocks, indexByAnchor, toCodePoints: codePointMapping(text).toCodePoints };
}

function pointAt(page: PageText, point: TextPoint): { index: number; at: number } | null {
  const index = page.indexByAnchor.get(point.block);
  if (index === undefined) return null;
  const { offset } = point;
  if (!Number.isInteger(offset) || offset < 0 || offset > page.blocks[index].text.length) return null;
  return { index, at: page.starts[index] + offset };
}

/**
 * The TextQuote and TextPosition selectors of a target in the page text, or null when a
 * point is not in these blocks. A target inside one block takes its context from that
 * block only (its FragmentSelector promises the quote lies there); a target across blocks
 * takes it from the page text around it.
 */
export function pageSelectors(page: PageText, start: TextPoint, end: TextPoint): PageSelectors | null {
  const s = pointAt(page, start);
  const e = pointAt(page, end);
  if (!s || !e || e.at < s.at) return null;
  const { text } = page;
  const single = s.index === e.index;
  const low = single ? page.starts[s.index] : 0;
  const high = single ? page.starts[s.index] + page.blocks[s.index].text.length : text.length;
  let prefixStart = Math.max(low, s.at - CONTEXT_LENGTH);
  // Never half of a surrogate pair in the context.
  if (prefixStart > low && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(high, e.at + CONTEXT_LENGTH);
  if (suffixEnd < high && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    exact: text.slice(s.at, e.at),
    prefix: text.slice(prefixStart, s.at),
    suffix: text.slice(e.at, suffixEnd),
    position: { start: page.toCodePoints(s.at), end: page.toCodePoints(e.at) },
  };
}
