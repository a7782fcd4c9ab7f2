import { describe, expect, it } from 'vitest';
import { countLinksOf, missingEnds } from './use-link-counts';

const links = [
  { fromId: 'e1', toId: 'c' },
  { fromId: 'e2', toId: 'c' },
  { fromId: 'c', toId: 'c2' },
];

describe('the reader’s link counts', () => {
  it('counts the links at either end of an annotation', () => {
    expect(countLinksOf(links, 'c')).toBe(3);
    expect(countLinksOf(links, 'e1')).toBe(1);
    expect(countLinksOf(links, 'x')).toBe(0);
  });

  it('finds ends that have left the reader’s list (deleted or hidden), each once', () => {
    expect(missingEnds(links, new Set(['e1', 'e2', 'c', 'c2']))).toEqual([]);
    expect(missingEnds(links, new Set(['e1', 'c2']))).toEqual(['c', 'e2']);
  });
});
