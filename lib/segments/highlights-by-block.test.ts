import { describe, expect, it } from 'vitest';
import { clipSelection } from '@/lib/anchoring/clip-selection';
import { buildDocumentIndex, quoteBetween } from '@/lib/anchoring/document-text';
import { loadFaceTimeBlocks } from '@/lib/anchoring/fixtures/face-time-blocks';
import { highlightsByBlock } from './highlights-by-block';
import { segmentBlock } from './segment-block';

const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const length = (n: number) => blocks[n].text.length;

describe('highlightsByBlock', () => {
  it('keeps a single-block annotation as one piece', () => {
    const map = highlightsByBlock(index, [
      { id: 'a', target: { start: { block: 'p-3', offset: 3 }, end: { block: 'p-3', offset: 11 } } },
    ]);
    expect([...map]).toEqual([['p-3', [{ id: 'a', start: 3, end: 11 }]]]);
  });

  it('splits an annotation across blocks into its tail, whole middle blocks and its head', () => {
    const map = highlightsByBlock(index, [
      { id: 'a', target: { start: { block: 'p-2', offset: 9 }, end: { block: 'p-5', offset: 12 } } },
    ]);
    expect([...map]).toEqual([
      ['p-2', [{ id: 'a', start: 9, end: length(2) }]],
      ['p-3', [{ id: 'a', start: 0, end: length(3) }]],
      ['p-4', [{ id: 'a', start: 0, end: length(4) }]],
      ['p-5', [{ id: 'a', start: 0, end: 12 }]],
    ]);
  });

  it('leaves out empty pieces at block edges', () => {
    const map = highlightsByBlock(index, [
      { id: 'a', target: { start: { block: 'p-2', offset: length(2) }, end: { block: 'p-4', offset: 0 } } },
    ]);
    expect([...map]).toEqual([['p-3', [{ id: 'a', start: 0, end: length(3) }]]]);
  });

  it('skips annotations with unknown blocks or ends before starts, and keeps input order', () => {
    const map = highlightsByBlock(index, [
      { id: 'gone', target: { start: { block: 'p-99', offset: 0 }, end: { block: 'p-99', offset: 4 } } },
      { id: 'backwards', target: { start: { block: 'p-4', offset: 0 }, end: { block: 'p-3', offset: 4 } } },
      { id: 'second', target: { start: { block: 'p-3', offset: 10 }, end: { block: 'p-3', offset: 20 } } },
      { id: 'first', target: { start: { block: 'p-3', offset: 0 }, end: { block: 'p-3', offset: 15 } } },
    ]);
    expect(map.get('p-3')!.map((h) => h.id)).toEqual(['second', 'first']);
    expect(map.has('p-99')).toBe(false);
    expect(map.has('p-4')).toBe(false);
  });

  it('renders a selection dragged from above the article down into ¶1 as clipped highlights', () => {
    const clipped = clipSelection(index, 'before', { block: 'p-1', offset: 5 })!;
    const map = highlightsByBlock(index, [{ id: 'sel', target: clipped }]);
    expect(segmentBlock(blocks[0].text, map.get('title')!).map((s) => [s.text, s.ids])).toEqual([
      ['Face Time', ['sel']],
    ]);
    const p1 = segmentBlock(blocks[1].text, map.get('p-1')!);
    expect(p1.map((s) => [s.text, s.ids])).toEqual([
      ['Given', ['sel']],
      [blocks[1].text.slice(5), []],
    ]);
    expect(quoteBetween(index, clipped.start, clipped.end)).toBe('Face Time\n\nGiven');
  });

  it('renders a selection that runs past the end of the article up to its last character', () => {
    const lastBlock = blocks[blocks.length - 1];
    const clipped = clipSelection(index, { block: 'p-27', offset: length(27) - 10 }, 'after')!;
    const map = highlightsByBlock(index, [{ id: 'sel', target: clipped }]);
    expect(map.get(lastBlock.anchor)).toEqual([{ id: 'sel', start: 0, end: lastBlock.text.length }]);
    expect(segmentBlock(lastBlock.text, map.get(lastBlock.anchor)!)).toHaveLength(1);
  });
});
