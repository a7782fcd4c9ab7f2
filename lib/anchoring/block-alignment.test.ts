import { describe, expect, it } from 'vitest';
import { alignBlocks } from './block-alignment';
import { buildDocumentIndex } from './document-text';
import { numberBlocks } from './fixtures/edit-helpers';

const version = (...texts: string[]) => buildDocumentIndex(numberBlocks(texts));

describe('alignBlocks', () => {
  it('follows unchanged paragraphs through insertions, deletions and moves', () => {
    const before = version('T', 'A', 'B', 'C', 'D');
    const after = version('T', 'New', 'A', 'C', 'B', 'D');
    expect(Array.from(alignBlocks(before, after).newIndexOf)).toEqual([0, 2, 4, 3, 5]);
  });

  it('places an edited paragraph between its unchanged neighbours', () => {
    const before = version('T', 'A', 'B old', 'C');
    const after = version('T', 'New', 'A', 'B new', 'C');
    expect(alignBlocks(before, after).newIndexOf[2]).toBe(3);
  });

  it('maps two merged paragraphs to the merged one', () => {
    const before = version('T', 'A', 'B1', 'B2', 'C');
    const after = version('T', 'A', 'B1 B2', 'C');
    expect(Array.from(alignBlocks(before, after).newIndexOf)).toEqual([0, 1, 2, 2, 3]);
  });

  it('maps offsets around an edit inside a block', () => {
    const before = version('The quick brown fox jumps');
    const after = version('The quick red fox jumps');
    const alignment = alignBlocks(before, after);
    expect(alignment.mapOffset(0, 0, 4)).toBe(4); // before the change
    expect(alignment.mapOffset(0, 0, 16)).toBe(14); // "fox" after the change
    expect(alignment.mapOffset(0, 0, 25)).toBe(23);
  });
});
