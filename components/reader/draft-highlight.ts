// The passage being annotated and the reader's selection, as the highlight painter keeps them
// across its repaints (highlight-painter.ts). The draft is a CSS Custom Highlight, so showing
// it never moves the reader's selection; a repaint's innerHTML writes would lose the selection,
// so it is read as text points before and put back after.
import type { TextPoint } from '@/lib/anchoring/types';
import { domFromPoint, pointFromDom } from './dom-selection';

export type Span = { start: TextPoint; end: TextPoint };

const DRAFT_HIGHLIGHT = 'marginalia-draft';

const hasHighlights = () =>
  typeof CSS !== 'undefined' && Boolean(CSS.highlights) && typeof Highlight !== 'undefined';

/** Shows `span` in `article` as the draft's highlight, or with null removes it. */
export function paintDraftHighlight(article: HTMLElement, span: Span | null) {
  if (!hasHighlights()) return;
  const a = span && domFromPoint(article, span.start);
  const b = span && domFromPoint(article, span.end);
  if (!a || !b) {
    CSS.highlights.delete(DRAFT_HIGHLIGHT);
    return;
  }
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  CSS.highlights.set(DRAFT_HIGHLIGHT, new Highlight(range));
}

export function clearDraftHighlight() {
  if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(DRAFT_HIGHLIGHT);
}

/** The selection inside `article` as text points; null when there is none there, and
 * 'none' when there is no selection at all (the caller may stop asking). */
export function readArticleSelection(article: HTMLElement): Span | null | 'none' {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 'none';
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(article)) return null;
  const start = pointFromDom(article, range.startContainer, range.startOffset);
  const end = pointFromDom(article, range.endContainer, range.endOffset);
  return typeof start === 'string' || typeof end === 'string' ? null : { start, end };
}
