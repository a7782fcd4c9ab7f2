import { describe, expect, it } from 'vitest';
import { computeAgreement } from './agreement';
import {
  findSharedPassages,
  overlapShare,
  rankDisagreements,
  ratingsOf,
  type ReaderHighlight,
} from './disagreements';

let next = 0;
function hl(readerId: string, start: number, end: number, tags: string[]): ReaderHighlight {
  return {
    id: `h${next++}`,
    readerId,
    readerName: readerId.toUpperCase(),
    start,
    end,
    tags,
    note: '',
    exact: 'x'.repeat(end - start),
    paragraph: 1 + Math.floor(start / 100),
    anchor: `p-${1 + Math.floor(start / 100)}`,
  };
}

describe('overlapShare', () => {
  it('is the common part as a share of the shorter span', () => {
    expect(overlapShare({ start: 0, end: 10 }, { start: 5, end: 15 })).toBe(0.5);
    expect(overlapShare({ start: 0, end: 100 }, { start: 10, end: 20 })).toBe(1);
    expect(overlapShare({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
  });
});

describe('findSharedPassages and rankDisagreements', () => {
  it('groups overlapping highlights of different readers, and ranks the most split first', () => {
    const highlights = [
      // ¶1: three readers, three different tags (split 2/3)
      hl('ada', 0, 40, ['claim']),
      hl('bob', 10, 50, ['evidence']),
      hl('cy', 5, 45, ['framing']),
      // ¶2: two readers, two tags (split 1/2)
      hl('ada', 100, 140, ['claim']),
      hl('bob', 105, 140, ['evidence', 'claim']),
      // ¶3: two readers agree
      hl('ada', 200, 240, ['evidence']),
      hl('bob', 200, 230, ['evidence']),
      // ¶4: barely overlapping (below the threshold)
      hl('ada', 300, 340, ['claim']),
      hl('bob', 335, 380, ['evidence']),
      // ¶5: one reader twice
      hl('ada', 400, 440, ['claim']),
      hl('ada', 410, 420, ['evidence']),
    ];
    const passages = findSharedPassages(highlights);
    expect(passages.map((p) => [p.paragraph, p.readings.length])).toEqual([
      [1, 3],
      [2, 2],
      [3, 2],
    ]);
    const ranked = rankDisagreements(passages);
    expect(ranked.map((p) => p.paragraph)).toEqual([1, 2]);
    expect(ranked[0].split).toBeCloseTo(2 / 3, 5);
    expect(ranked[1].tagCounts).toEqual([
      { tag: 'claim', readers: 1 },
      { tag: 'evidence', readers: 1 },
    ]);
  });

  it('keeps a reader’s longest highlight in a passage', () => {
    const passages = findSharedPassages([
      hl('ada', 0, 50, ['claim']),
      hl('ada', 0, 20, ['evidence']),
      hl('bob', 0, 40, ['claim']),
    ]);
    expect(passages).toHaveLength(1);
    expect(passages[0].readings.map((r) => r.tags[0])).toEqual(['claim', 'claim']);
    expect(rankDisagreements(passages)).toEqual([]);
  });

  it('gives the agreement figure its units: each passage, each reader’s first tag', () => {
    const passages = findSharedPassages([
      hl('ada', 0, 40, ['claim']),
      hl('bob', 0, 40, ['evidence']),
      hl('ada', 100, 140, ['evidence']),
      hl('bob', 100, 140, ['claim']),
    ]);
    expect(ratingsOf(passages)).toHaveLength(4);
    expect(computeAgreement(ratingsOf(passages)).alpha).toBe(-0.5);
  });
});
