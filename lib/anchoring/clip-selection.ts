import { pointsFromDocumentRange } from './document-text';
import { snapOffSurrogate } from './surrogates';
import type { DocumentIndex, TextPoint } from './types';

/** Where a selection end lies: in a block, or outside the article before/after it. */
export type SelectionEnd = TextPoint | 'before' | 'after';

/**
 * Turns a raw user selection into a valid range of the article. Ends outside the article
 * are clipped to its first or last character, a backwards selection is turned round, a
 * half-selected emoji is taken whole, and separators at either end are dropped.
 * Returns null when nothing of the article is selected.
 */
export function clipSelection(
  index: DocumentIndex,
  start: SelectionEnd,
  end: SelectionEnd,
): { start: TextPoint; end: TextPoint } | null {
  if (index.blocks.length === 0) return null;
  const a = resolve(index, start);
  const b = resolve(index, end);
  if (a === null || b === null) return null;
  const from = snapOffSurrogate(index.text, Math.min(a, b), 'back');
  const to = snapOffSurrogate(index.text, Math.max(a, b), 'forward');
  return pointsFromDocumentRange(index, from, to);
}

function resolve(index: DocumentIndex, end: SelectionEnd): number | null {
  if (end === 'before') return 0;
  if (end === 'after') return index.text.length;
  const i = index.indexByAnchor.get(end.block);
  if (i === undefined || !Number.isFinite(end.offset)) return null;
  const offset = Math.max(0, Math.min(Math.trunc(end.offset), index.blocks[i].text.length));
  return index.starts[i] + offset;
}
