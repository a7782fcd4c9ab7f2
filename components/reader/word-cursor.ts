// Keyboard selection without a mouse: a word cursor that moves through the article's
// blocks. Pure: it works on block texts and returns new text points.
import type { TextPoint } from '@/lib/anchoring/types';

export interface WordBlock {
  anchor: string;
  text: string;
}

const WORD = /[\p{L}\p{N}\p{M}’'_-]+/gu;

export function wordsOf(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(WORD), (m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

export function firstWord(
  blocks: WordBlock[],
  blockIndex: number,
): { start: TextPoint; end: TextPoint } | null {
  for (let i = blockIndex; i < blocks.length; i++) {
    const w = wordsOf(blocks[i].text)[0];
    if (w)
      return {
        start: { block: blocks[i].anchor, offset: w.start },
        end: { block: blocks[i].anchor, offset: w.end },
      };
  }
  return null;
}

function wordIndexAt(words: { start: number; end: number }[], offset: number, edge: 'start' | 'end'): number {
  if (edge === 'start')
    return Math.max(
      0,
      words.findIndex((w) => w.end > offset),
    );
  let found = -1;
  words.forEach((w, i) => {
    if (w.start < offset) found = i;
  });
  return found;
}

/** Moves a point to the start (edge 'start') or end (edge 'end') of the next/previous word. */
export function stepWord(
  blocks: WordBlock[],
  point: TextPoint,
  direction: 1 | -1,
  edge: 'start' | 'end',
): TextPoint {
  let bi = blocks.findIndex((b) => b.anchor === point.block);
  if (bi < 0) return point;
  let words = wordsOf(blocks[bi].text);
  let wi = wordIndexAt(words, point.offset, edge) + direction;
  while (wi < 0 || wi >= words.length) {
    bi += direction;
    if (bi < 0 || bi >= blocks.length) return point;
    words = wordsOf(blocks[bi].text);
    wi = direction === 1 ? 0 : words.length - 1;
  }
  return { block: blocks[bi].anchor, offset: edge === 'start' ? words[wi].start : words[wi].end };
}

export function wordAround(
  blocks: WordBlock[],
  point: TextPoint,
): { start: TextPoint; end: TextPoint } | null {
  const block = blocks.find((b) => b.anchor === point.block);
  if (!block) return null;
  const w = wordsOf(block.text).find((word) => word.end >= point.offset) ?? null;
  return w
    ? { start: { block: block.anchor, offset: w.start }, end: { block: block.anchor, offset: w.end } }
    : null;
}
