import { describe, expect, it } from 'vitest';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import {
  agreementByBlock,
  agreementOfRecords,
  agreementSign,
  describeBlockAgreement,
} from './paragraph-agreement';

const h = (id: string, readerId: string, anchor: string, start: number, end: number, tags: string[]) => ({
  id,
  readerId,
  anchor,
  start,
  end,
  tags,
});

describe('agreementByBlock', () => {
  it('counts agreeing pairs of readers per block, over the passages they share', () => {
    const byBlock = agreementByBlock([
      // p-1: three readers on one passage, two agree (1 of 3 pairs)
      h('a1', 'ada', 'p-1', 0, 10, ['claim']),
      h('b1', 'ben', 'p-1', 2, 10, ['claim', 'framing']),
      h('c1', 'cy', 'p-1', 0, 8, ['evidence']),
      // p-2: two readers agree
      h('a2', 'ada', 'p-2', 20, 30, ['evidence']),
      h('b2', 'ben', 'p-2', 21, 29, ['evidence']),
    ]);
    expect(byBlock.get('p-1')).toEqual({ agreeing: 1, pairs: 3, passages: 1, readers: 3 });
    expect(byBlock.get('p-2')).toEqual({ agreeing: 1, pairs: 1, passages: 1, readers: 2 });
  });

  it('leaves out blocks only one reader highlighted, barely overlapping passages and untagged ones', () => {
    const byBlock = agreementByBlock([
      h('a1', 'ada', 'p-1', 0, 10, ['claim']),
      h('a2', 'ada', 'p-1', 0, 10, ['evidence']), // the same reader twice: no pair
      h('a3', 'ada', 'p-2', 20, 30, ['claim']),
      h('b3', 'ben', 'p-2', 28, 40, ['evidence']), // overlaps 2 of 10: not the same passage
      h('a4', 'ada', 'p-3', 50, 60, ['claim']),
      h('b4', 'ben', 'p-3', 50, 60, []), // no tag: nothing to agree on
    ]);
    expect([...byBlock.keys()]).toEqual([]);
  });

  it('adds up several passages of one block, total disagreement included', () => {
    const byBlock = agreementByBlock([
      h('a1', 'ada', 'p-1', 0, 10, ['claim']),
      h('b1', 'ben', 'p-1', 0, 10, ['evidence']),
      h('a2', 'ada', 'p-1', 20, 30, ['framing']),
      h('b2', 'ben', 'p-1', 20, 30, ['claim']),
    ]);
    expect(byBlock.get('p-1')).toEqual({ agreeing: 0, pairs: 2, passages: 2, readers: 2 });
  });
});

describe('agreementOfRecords', () => {
  it('places block-relative highlights in the document before comparing them', () => {
    const index = buildDocumentIndex([
      { anchor: 'p-1', text: 'The talks restart in Fiji.' },
      { anchor: 'p-2', text: 'Analysts were wrong.' },
    ]);
    const rec = (id: string, author: string, block: string, s: number, e: number, tags: string[]) => ({
      id,
      author: { id: author },
      start: { block, offset: s },
      end: { block, offset: e },
      tags,
    });
    const byBlock = agreementOfRecords(index, [
      rec('a', 'ada', 'p-1', 4, 9, ['claim']),
      rec('b', 'ben', 'p-2', 4, 9, ['claim']), // the same offsets in another block: no overlap
      rec('c', 'cy', 'p-2', 0, 8, ['evidence']),
      rec('d', 'dee', 'p-2', 0, 9, ['evidence']),
      rec('x', 'ada', 'p-9', 0, 1, ['claim']), // a block not in this version
    ]);
    expect(byBlock.get('p-1')).toBeUndefined();
    expect(byBlock.get('p-2')).toEqual({ agreeing: 1, pairs: 3, passages: 1, readers: 3 });
  });
});

describe('describing a block', () => {
  it('says it in words and shows a sign that is not a colour', () => {
    const some = { agreeing: 2, pairs: 3, passages: 1, readers: 3 };
    expect(describeBlockAgreement('¶4', some)).toBe('¶4: readers agree on 2 of 3 overlapping pairs');
    expect(describeBlockAgreement('', { ...some, agreeing: 1, pairs: 1 })).toBe(
      'readers agree on 1 of 1 overlapping pair',
    );
    expect(agreementSign(some)).toBe('≈2/3');
    expect(agreementSign({ ...some, agreeing: 3 })).toBe('=3/3');
    expect(agreementSign({ ...some, agreeing: 0 })).toBe('≠0/3');
  });
});
