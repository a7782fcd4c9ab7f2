import { describe, expect, it } from 'vitest';
import {
  buildArgumentView,
  describeClaim,
  describePassage,
  linksOnCycles,
  type ArgumentAnnotation,
  type ArgumentLink,
} from './build-argument-view';

const note = (
  id: string,
  paragraph: number,
  tags: string[],
  exact = `Passage ${id}`,
): ArgumentAnnotation => ({
  id,
  tags,
  exact,
  paragraph,
  anchor: `p-${paragraph}`,
  authorName: 'Ada',
});
const link = (id: string, fromId: string, relation: string, toId: string): ArgumentLink => ({
  id,
  fromId,
  toId,
  relation,
  note: '',
});

const claim = note('c', 3, ['claim'], 'Face time matters');
const other = note('c2', 8, ['claim'], 'Screens are not the enemy');
const e1 = note('e1', 7, ['evidence'], 'A study of 200 students');
const e2 = note('e2', 9, ['evidence'], 'Teachers report');
const e3 = note('e3', 11, ['evidence'], 'Unlinked figures');
const f = note('f', 2, ['framing'], 'As every parent knows');
const annotations = [f, claim, e1, other, e2, e3];

describe('buildArgumentView', () => {
  it('lists each claim with its evidence and framing, in document order', () => {
    const view = buildArgumentView(annotations, [
      link('l1', 'e2', 'supports', 'c'),
      link('l2', 'e1', 'supports', 'c'),
      link('l3', 'f', 'frames', 'c'),
      link('l4', 'e2', 'contradicts', 'c2'),
    ]);
    expect(view.claims.map((c) => c.claim.id)).toEqual(['c', 'c2']);
    const [first, second] = view.claims;
    expect(first.incoming.supports.map((i) => i.annotation.id)).toEqual(['e1', 'e2']);
    expect(first.incoming.frames.map((i) => i.annotation.id)).toEqual(['f']);
    expect(second.incoming.contradicts.map((i) => i.annotation.id)).toEqual(['e2']);
    expect(view.unlinkedEvidence.map((a) => a.id)).toEqual(['e3']);
    expect(view.unsupportedClaims.map((a) => a.id)).toEqual(['c2']);
    expect(view.dropped).toEqual([]);
  });

  it('reads each claim as a sentence', () => {
    const view = buildArgumentView(annotations, [
      link('l1', 'e1', 'supports', 'c'),
      link('l2', 'e2', 'supports', 'c'),
      link('l3', 'f', 'frames', 'c'),
    ]);
    expect(describeClaim(view.claims[0])).toBe(
      'Claim ¶3 “Face time matters”: supported by ¶7 “A study of 200 students” and ¶9 “Teachers report”; framed by ¶2 “As every parent knows”.',
    );
    expect(describeClaim(view.claims[1])).toBe('Claim ¶8 “Screens are not the enemy”: nothing linked yet.');
  });

  it('keeps a group’s own relations apart, named as the group named them', () => {
    const view = buildArgumentView(annotations, [link('l1', 'e1', 'illustrates', 'c')]);
    expect(view.claims[0].incoming.other).toHaveLength(1);
    expect(describeClaim(view.claims[0], (s) => (s === 'illustrates' ? 'Illustrates' : s))).toContain(
      'Illustrates (from) ¶7',
    );
  });

  it('drops links to annotations the reader does not see (hidden, deleted) and self-links', () => {
    const view = buildArgumentView(annotations, [
      link('gone', 'deleted-one', 'supports', 'c'),
      link('self', 'c', 'supports', 'c'),
      link('ok', 'e1', 'supports', 'c'),
    ]);
    expect(view.dropped).toEqual([
      { linkId: 'gone', reason: 'end-not-visible' },
      { linkId: 'self', reason: 'self-link' },
    ]);
    expect(view.links.map((l) => l.id)).toEqual(['ok']);
    expect(view.claims[0].incoming.supports.map((i) => i.annotation.id)).toEqual(['e1']);
  });

  it('terminates on cycles and marks the links on them', () => {
    const view = buildArgumentView(annotations, [
      link('a', 'c', 'supports', 'c2'),
      link('b', 'c2', 'supports', 'c'),
      link('x', 'e1', 'supports', 'c'),
    ]);
    expect(view.links.map((l) => [l.id, l.inCycle])).toEqual([
      ['a', true],
      ['b', true],
      ['x', false],
    ]);
    expect(view.claims[0].outgoing.map((i) => i.annotation.id)).toEqual(['c2']);
    expect(view.unsupportedClaims).toEqual([]);
  });
});

describe('linksOnCycles', () => {
  it('finds a long cycle without recursion', () => {
    const n = 5_000;
    const links = Array.from({ length: n }, (_, i) => ({
      id: `l${i}`,
      fromId: `n${i}`,
      toId: `n${(i + 1) % n}`,
    }));
    expect(linksOnCycles(links).size).toBe(n);
    expect(linksOnCycles(links.slice(0, -1)).size).toBe(0);
  });
});

describe('describePassage', () => {
  it('shortens long passages and names passages outside the paragraphs', () => {
    expect(describePassage({ paragraph: null, exact: 'Face Time' })).toBe(
      'Outside the paragraphs “Face Time”',
    );
    expect(describePassage({ paragraph: 4, exact: 'word '.repeat(40) })).toMatch(/^¶4 “(word ){11}word…”$/);
  });
});
