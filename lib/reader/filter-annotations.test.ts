import { describe, expect, it } from 'vitest';
import { filtersToQuery, matchesFilters, NO_FILTERS } from './filter-annotations';

const mine = {
  tags: ['claim', 'framing'],
  author: { id: 'me' },
  group: null,
  target: { exact: 'the “ballast stone”' },
  noteText: 'Metaphor',
};
const theirs = {
  tags: ['evidence'],
  author: { id: 'ann' },
  group: { id: 'g1' },
  target: { exact: 'Fiji' },
  noteText: 'a meeting in Fiji',
};

describe('matchesFilters', () => {
  it('keeps everything without filters', () => {
    expect([mine, theirs].filter((a) => matchesFilters(a, NO_FILTERS, 'me'))).toHaveLength(2);
  });

  it('filters by tag (any of), by mine/others, by reader and by group', () => {
    expect(matchesFilters(mine, { ...NO_FILTERS, tags: ['framing'] }, 'me')).toBe(true);
    expect(matchesFilters(theirs, { ...NO_FILTERS, tags: ['framing'] }, 'me')).toBe(false);
    expect(matchesFilters(theirs, { ...NO_FILTERS, mine: 'mine' }, 'me')).toBe(false);
    expect(matchesFilters(theirs, { ...NO_FILTERS, mine: 'others' }, 'me')).toBe(true);
    expect(matchesFilters(mine, { ...NO_FILTERS, readers: ['ann'] }, 'me')).toBe(false);
    expect(matchesFilters(mine, { ...NO_FILTERS, group: 'private' }, 'me')).toBe(true);
    expect(matchesFilters(theirs, { ...NO_FILTERS, group: 'g1' }, 'me')).toBe(true);
    expect(matchesFilters(mine, { ...NO_FILTERS, group: 'g1' }, 'me')).toBe(false);
  });

  it('searches quotes and notes, ignoring case and curly quotes', () => {
    expect(matchesFilters(mine, { ...NO_FILTERS, q: '"Ballast stone"' }, 'me')).toBe(true);
    expect(matchesFilters(theirs, { ...NO_FILTERS, q: 'MEETING fiji' }, 'me')).toBe(true);
    expect(matchesFilters(theirs, { ...NO_FILTERS, q: 'ballast' }, 'me')).toBe(false);
  });

  it('turns filters into API query parameters', () => {
    expect(
      filtersToQuery({
        tags: ['claim', 'evidence'],
        readers: ['u1'],
        mine: 'others',
        group: 'private',
        q: ' fiji ',
      }).toString(),
    ).toBe('tag=claim&tag=evidence&reader=u1&mine=others&group=private&q=fiji');
  });
});
