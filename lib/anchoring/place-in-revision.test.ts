import { describe, expect, it } from 'vitest';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';
import { editBlock, replaceOnce, targetIn } from './fixtures/edit-helpers';
import { placeInRevision } from './place-in-revision';

// What a revision does with one annotation of the sample article. blocks[n] is p-n.
const original = loadFaceTimeBlocks();
const oldIndex = buildDocumentIndex(original);
const QUOTE = 'putting a seat belt on a speeding driver';
const target = targetIn(oldIndex, 'p-13', QUOTE);

describe('placeInRevision', () => {
  it('moves an annotation whose passage is untouched, still anchored', () => {
    const next = buildDocumentIndex(editBlock(original, 'p-2', (t) => `${t} An added sentence.`));
    const placed = placeInRevision({ status: 'ANCHORED', target }, oldIndex, next);
    expect(placed).toMatchObject({ outcome: 'anchored', move: { status: 'ANCHORED' } });
    if (placed.outcome === 'orphaned') throw new Error('orphaned');
    expect(quoteBetween(next, placed.move.target.start, placed.move.target.end)).toBe(QUOTE);
  });

  it('keeps an annotation moved by an earlier revision marked re-anchored', () => {
    const next = buildDocumentIndex(editBlock(original, 'p-2', (t) => `${t} An added sentence.`));
    expect(placeInRevision({ status: 'REANCHORED', target }, oldIndex, next)).toMatchObject({
      outcome: 'anchored',
      move: { status: 'REANCHORED' },
    });
  });

  it('orphans in place an annotation whose passage was deleted, and leaves an orphan as it was', () => {
    const next = buildDocumentIndex(editBlock(original, 'p-13', (t) => replaceOnce(t, QUOTE, 'gone')));
    expect(placeInRevision({ status: 'ANCHORED', target }, oldIndex, next)).toEqual({
      outcome: 'orphaned',
      orphanInPlace: true,
    });
    expect(placeInRevision({ status: 'ORPHANED', target }, null, next)).toEqual({
      outcome: 'orphaned',
      orphanInPlace: false,
    });
  });

  it('brings an orphan back, re-anchored, when its passage returns', () => {
    const placed = placeInRevision({ status: 'ORPHANED', target }, null, oldIndex);
    expect(placed).toMatchObject({ outcome: 'reanchored', move: { status: 'REANCHORED' } });
  });
});
