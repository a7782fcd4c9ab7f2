import { describe, expect, it } from 'vitest';
import {
  buildDocumentIndex,
  describeTarget,
  fromDocumentPosition,
  pointsFromDocumentRange,
  quoteBetween,
  toDocumentPosition,
} from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';

const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const p = (n: number) => blocks[n].text; // blocks[n] is p-n (blocks[0] is the title)

describe('buildDocumentIndex', () => {
  it('joins block texts with a blank line and knows where each block starts', () => {
    expect(index.text).toBe(blocks.map((b) => b.text).join('\n\n'));
    blocks.forEach((block, i) => {
      expect(index.text.slice(index.starts[i], index.starts[i] + block.text.length)).toBe(block.text);
      expect(index.indexByAnchor.get(block.anchor)).toBe(i);
    });
  });

  it('is not affected by later changes to the caller’s array', () => {
    const input = [{ anchor: 'title', text: 'A' }];
    const built = buildDocumentIndex(input);
    input.push({ anchor: 'p-1', text: 'B' });
    expect(built.blocks).toHaveLength(1);
  });
});

describe('toDocumentPosition', () => {
  it('maps a block point to the joined text', () => {
    const pos = toDocumentPosition(index, { block: 'p-3', offset: 3 });
    expect(index.text.slice(pos!, pos! + 8)).toBe('August 3');
  });

  it.each([
    [{ block: 'p-99', offset: 0 }],
    [{ block: 'p-3', offset: -1 }],
    [{ block: 'p-3', offset: p(3).length + 1 }],
    [{ block: 'p-3', offset: 1.5 }],
    [{ block: 'p-3', offset: Number.NaN }],
  ])('returns null for a point outside the document: %o', (point) => {
    expect(toDocumentPosition(index, point)).toBeNull();
  });

  it('accepts the end of a block', () => {
    expect(toDocumentPosition(index, { block: 'title', offset: 9 })).toBe(9);
  });
});

describe('fromDocumentPosition', () => {
  it('round-trips every position inside blocks', () => {
    for (const block of blocks.slice(0, 4)) {
      for (let offset = 0; offset <= block.text.length; offset++) {
        const pos = toDocumentPosition(index, { block: block.anchor, offset })!;
        expect(fromDocumentPosition(index, pos, 'start')).toEqual({ block: block.anchor, offset });
        expect(fromDocumentPosition(index, pos, 'end')).toEqual({ block: block.anchor, offset });
      }
    }
  });

  it('snaps a position inside a separator to the next start or the previous end', () => {
    const inSeparator = index.starts[1] - 1; // between the two "\n"
    expect(fromDocumentPosition(index, inSeparator, 'start')).toEqual({ block: 'p-1', offset: 0 });
    expect(fromDocumentPosition(index, inSeparator, 'end')).toEqual({ block: 'title', offset: 9 });
  });

  it('clamps positions outside the document', () => {
    expect(fromDocumentPosition(index, -5, 'start')).toEqual({ block: 'title', offset: 0 });
    const last = blocks[blocks.length - 1];
    expect(fromDocumentPosition(index, index.text.length + 10, 'end')).toEqual({
      block: last.anchor,
      offset: last.text.length,
    });
  });

  it('refuses a document without blocks', () => {
    expect(() => fromDocumentPosition(buildDocumentIndex([]), 0, 'start')).toThrow(RangeError);
  });
});

describe('quoteBetween', () => {
  it('returns text within one block', () => {
    expect(quoteBetween(index, { block: 'title', offset: 0 }, { block: 'title', offset: 4 })).toBe('Face');
  });

  it('joins blocks with a blank line for a quote across blocks', () => {
    const start = { block: 'p-2', offset: p(2).indexOf('Dec.1') };
    const end = { block: 'p-3', offset: 'On August 3'.length };
    expect(quoteBetween(index, start, end)).toBe('Dec.1\n\nOn August 3');
  });

  it('throws for points not in the document or in the wrong order', () => {
    expect(() => quoteBetween(index, { block: 'nope', offset: 0 }, { block: 'p-1', offset: 1 })).toThrow(
      RangeError,
    );
    expect(() => quoteBetween(index, { block: 'p-2', offset: 0 }, { block: 'p-1', offset: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('describeTarget', () => {
  it('keeps 32 code units of context on each side', () => {
    const offset = p(4).indexOf('“ballast stone”');
    const target = describeTarget(index, { block: 'p-4', offset }, { block: 'p-4', offset: offset + 15 });
    expect(target.exact).toBe('“ballast stone”');
    expect(target.prefix).toBe(p(4).slice(offset - 32, offset));
    expect(target.prefix).toHaveLength(32);
    expect(target.prefix.endsWith('referred to as the new ')).toBe(true);
    expect(target.suffix).toBe(p(4).slice(offset + 15, offset + 47));
  });

  it('takes context across blocks and stops at the document edges', () => {
    const target = describeTarget(index, { block: 'title', offset: 0 }, { block: 'title', offset: 4 });
    expect(target.prefix).toBe('');
    expect(target.suffix).toBe(' Time\n\n' + p(1).slice(0, 25));
    const last = blocks[blocks.length - 1];
    const end = describeTarget(
      index,
      { block: last.anchor, offset: last.text.length - 4 },
      { block: last.anchor, offset: last.text.length },
    );
    expect(end.exact).toBe('VCG)');
    expect(end.suffix).toBe('');
  });

  it('never keeps half an emoji in the context', () => {
    const emoji = buildDocumentIndex([
      { anchor: 'p-1', text: '😀' + 'a'.repeat(31) + 'QUOTE' + 'b'.repeat(31) + '😀' },
    ]);
    const target = describeTarget(emoji, { block: 'p-1', offset: 33 }, { block: 'p-1', offset: 38 });
    expect(target.exact).toBe('QUOTE');
    expect(target.prefix).toBe('a'.repeat(31));
    expect(target.suffix).toBe('b'.repeat(31));
  });
});

describe('pointsFromDocumentRange', () => {
  it('drops separators at either end of a range', () => {
    const start = index.starts[1] - 2; // end of the title
    const end = index.starts[2]; // start of p-2
    expect(pointsFromDocumentRange(index, start, end)).toEqual({
      start: { block: 'p-1', offset: 0 },
      end: { block: 'p-1', offset: p(1).length },
    });
  });

  it('returns null when only a separator is covered', () => {
    expect(pointsFromDocumentRange(index, index.starts[1] - 2, index.starts[1])).toBeNull();
    expect(pointsFromDocumentRange(index, 5, 5)).toBeNull();
  });
});
