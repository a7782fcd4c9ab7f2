'use client';
// Keyboard-only selection: on a focused block, Enter selects its first word; arrows move
// the word, Shift+arrows extend or shrink the selection (Shift+Down to the end of the
// block, then the next); Enter again opens the annotation toolbar; Escape cancels.
import { useCallback, useRef, type KeyboardEvent } from 'react';
import { describeTarget } from '@/lib/anchoring/document-text';
import type { DocumentIndex, Target, TextPoint } from '@/lib/anchoring/types';
import { selectPoints } from './dom-selection';
import { firstWord, stepWord, wordAround, type WordBlock } from './word-cursor';

export function useKeyboardSelection(opts: {
  articleRef: React.RefObject<HTMLElement | null>;
  blocks: WordBlock[];
  index: DocumentIndex;
  onSelect: (target: Target, focusToolbar: boolean) => void;
  onCancel: () => void;
}) {
  const { articleRef, blocks, index, onSelect, onCancel } = opts;
  const range = useRef<{ start: TextPoint; end: TextPoint } | null>(null);

  const show = useCallback(
    (next: { start: TextPoint; end: TextPoint }, openToolbar: boolean) => {
      range.current = next;
      if (articleRef.current) selectPoints(articleRef.current, next.start, next.end);
      if (openToolbar) onSelect(describeTarget(index, next.start, next.end), true);
    },
    [articleRef, index, onSelect],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const blockEl = (event.target as HTMLElement).closest?.('[data-anchor]');
      if (!blockEl || event.target !== blockEl) return;
      const anchor = blockEl.getAttribute('data-anchor')!;
      const blockIndex = blocks.findIndex((b) => b.anchor === anchor);
      let current = range.current;
      if (current && !blocks.some((b) => b.anchor === current!.start.block)) current = null;

      if (event.key === 'Escape' && current) {
        event.preventDefault();
        range.current = null;
        window.getSelection()?.removeAllRanges();
        onCancel();
        return;
      }
      if (event.key === 'Enter') {
        event.preventDefault();
        const inThisBlock = current && (current.start.block === anchor || current.end.block === anchor);
        if (inThisBlock) show(current!, true);
        else {
          const first = firstWord(blocks, blockIndex);
          if (first) show(first, false);
        }
        return;
      }
      if (!current || !['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'].includes(event.key)) return;
      event.preventDefault();
      let next = current;
      if (!event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        const start = stepWord(blocks, current.start, event.key === 'ArrowRight' ? 1 : -1, 'start');
        next = wordAround(blocks, start) ?? current;
      } else if (event.shiftKey && event.key === 'ArrowRight') {
        next = { start: current.start, end: stepWord(blocks, current.end, 1, 'end') };
      } else if (event.shiftKey && event.key === 'ArrowLeft') {
        const end = stepWord(blocks, current.end, -1, 'end');
        const startPos = index.starts[index.indexByAnchor.get(current.start.block)!] + current.start.offset;
        const endPos = index.starts[index.indexByAnchor.get(end.block)!] + end.offset;
        if (endPos > startPos) next = { start: current.start, end };
      } else if (event.shiftKey && event.key === 'ArrowDown') {
        const bi = index.indexByAnchor.get(current.end.block)!;
        const atEnd = current.end.offset >= blocks[bi].text.length;
        const target = atEnd && bi + 1 < blocks.length ? bi + 1 : bi;
        next = {
          start: current.start,
          end: { block: blocks[target].anchor, offset: blocks[target].text.length },
        };
      } else if (!event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        const bi = index.indexByAnchor.get(current.start.block)! + (event.key === 'ArrowDown' ? 1 : -1);
        next = bi >= 0 && bi < blocks.length ? (firstWord(blocks, bi) ?? current) : current;
      }
      // Keep focus on the block that holds the selection's end, so Enter works there.
      const endEl = articleRef.current?.querySelector<HTMLElement>(
        `[data-anchor="${CSS.escape(next.end.block)}"]`,
      );
      if (endEl && endEl !== blockEl) endEl.focus({ preventScroll: false });
      show(next, false);
    },
    [articleRef, blocks, index, onCancel, show],
  );

  return { onKeyDown };
}
