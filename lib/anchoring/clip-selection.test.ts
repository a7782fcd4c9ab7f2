import { describe, expect, it } from 'vitest';
import { clipSelection } from './clip-selection';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';

const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const last = blocks[blocks.length - 1];

describe('clipSelection', () => {
  it('keeps a selection that lies inside the article', () => {
    const range = { start: { block: 'p-3', offset: 3 }, end: { block: 'p-3', offset: 11 } };
    expect(clipSelection(index, range.start, range.end)).toEqual(range);
  });

  it('turns a backwards (right-to-left) selection round', () => {
    const clipped = clipSelection(index, { block: 'p-4', offset: 5 }, { block: 'p-3', offset: 3 });
    expect(clipped).toEqual({ start: { block: 'p-3', offset: 3 }, end: { block: 'p-4', offset: 5 } });
  });

  it('clips a selection that starts above the article to its first character', () => {
    const clipped = clipSelection(index, 'before', { block: 'p-1', offset: 5 })!;
    expect(clipped.start).toEqual({ block: 'title', offset: 0 });
    expect(quoteBetween(index, clipped.start, clipped.end)).toBe('Face Time\n\nGiven');
  });

  it('clips a selection that runs past the end of the article to its last character', () => {
    const clipped = clipSelection(index, { block: last.anchor, offset: last.text.length - 14 }, 'after')!;
    expect(quoteBetween(index, clipped.start, clipped.end)).toBe('(Photo by VCG)');
  });

  it('clips a selection dragged from below the article back into it', () => {
    const clipped = clipSelection(index, 'after', { block: last.anchor, offset: last.text.length - 4 })!;
    expect(quoteBetween(index, clipped.start, clipped.end)).toBe('VCG)');
  });

  it('selects the whole article when both ends are outside it on opposite sides', () => {
    const clipped = clipSelection(index, 'after', 'before')!;
    expect(quoteBetween(index, clipped.start, clipped.end)).toBe(index.text);
  });

  it('returns null when nothing of the article is selected', () => {
    expect(clipSelection(index, 'before', 'before')).toBeNull();
    expect(clipSelection(index, 'after', 'after')).toBeNull();
    expect(clipSelection(index, { block: 'p-3', offset: 7 }, { block: 'p-3', offset: 7 })).toBeNull();
    expect(
      clipSelection(index, { block: 'p-2', offset: blocks[2].text.length }, { block: 'p-3', offset: 0 }),
    ).toBeNull();
    expect(clipSelection(index, 'before', { block: 'title', offset: 0 })).toBeNull();
    expect(clipSelection(buildDocumentIndex([]), 'before', 'after')).toBeNull();
  });

  it('returns null for a point in a block the article does not have', () => {
    expect(clipSelection(index, { block: 'sidebar', offset: 0 }, { block: 'p-3', offset: 4 })).toBeNull();
  });

  it('drops a separator at either end, so a highlight never starts at the end of a block', () => {
    const clipped = clipSelection(
      index,
      { block: 'p-2', offset: blocks[2].text.length },
      { block: 'p-4', offset: 0 },
    );
    expect(clipped).toEqual({
      start: { block: 'p-3', offset: 0 },
      end: { block: 'p-3', offset: blocks[3].text.length },
    });
  });

  it('clamps offsets beyond a block to the block', () => {
    const clipped = clipSelection(index, { block: 'title', offset: -4 }, { block: 'title', offset: 400 });
    expect(clipped).toEqual({ start: { block: 'title', offset: 0 }, end: { block: 'title', offset: 9 } });
  });

  it('takes a half-selected emoji whole on either side', () => {
    const emoji = buildDocumentIndex([{ anchor: 'p-1', text: 'Go 🚀 now 🎉!' }]);
    const clipped = clipSelection(emoji, { block: 'p-1', offset: 4 }, { block: 'p-1', offset: 11 })!;
    expect(clipped).toEqual({ start: { block: 'p-1', offset: 3 }, end: { block: 'p-1', offset: 12 } });
    expect(quoteBetween(emoji, clipped.start, clipped.end)).toBe('🚀 now 🎉');
  });
});
