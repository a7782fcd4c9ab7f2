// Maps between DOM selections and block-scoped text points. Each block's text lives in
// one element carrying `data-anchor`, holding only the text and <mark> runs, so a DOM
// offset inside it is a UTF-16 offset in the block text.
import type { SelectionEnd } from '@/lib/anchoring/clip-selection';
import type { TextPoint } from '@/lib/anchoring/types';

const BLOCK_SELECTOR = '[data-anchor]';

function textOffsetWithin(blockEl: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(blockEl);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Where a DOM boundary point falls in the article: a text point, or before/after it. */
export function pointFromDom(article: HTMLElement, node: Node, offset: number): SelectionEnd {
  if (!article.contains(node)) {
    return article.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING ? 'before' : 'after';
  }
  const element = node instanceof Element ? node : node.parentElement;
  const blockEl = element?.closest(BLOCK_SELECTOR);
  if (blockEl && article.contains(blockEl)) {
    return { block: blockEl.getAttribute('data-anchor')!, offset: textOffsetWithin(blockEl, node, offset) };
  }
  // In a gutter or between blocks: snap to the nearest block edge that follows.
  const blocks = Array.from(article.querySelectorAll(BLOCK_SELECTOR));
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const el of blocks) {
    if (probe.comparePoint(el, 0) >= 0) return { block: el.getAttribute('data-anchor')!, offset: 0 };
  }
  return 'after';
}

export function selectionEnds(
  article: HTMLElement,
  selection: Selection,
): { start: SelectionEnd; end: SelectionEnd } | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  return {
    start: pointFromDom(article, range.startContainer, range.startOffset),
    end: pointFromDom(article, range.endContainer, range.endOffset),
  };
}

/** The DOM position of a text point (for drawing a keyboard selection). */
export function domFromPoint(article: HTMLElement, point: TextPoint): { node: Node; offset: number } | null {
  const blockEl = article.querySelector(`[data-anchor="${CSS.escape(point.block)}"]`);
  if (!blockEl) return null;
  const walker = document.createTreeWalker(blockEl, NodeFilter.SHOW_TEXT);
  let remaining = point.offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.length) return { node, offset: remaining };
    remaining -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: blockEl, offset: 0 };
}

export function selectPoints(article: HTMLElement, start: TextPoint, end: TextPoint): DOMRect | null {
  const a = domFromPoint(article, start);
  const b = domFromPoint(article, end);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return range.getBoundingClientRect();
}

export function rectOfPoints(article: HTMLElement, start: TextPoint, end: TextPoint): DOMRect | null {
  const a = domFromPoint(article, start);
  const b = domFromPoint(article, end);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const rects = range.getClientRects();
  return rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
}
