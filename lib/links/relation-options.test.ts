import { describe, expect, it } from 'vitest';
import { relationName, relationsFor } from './relation-options';
import type { RelationView } from './schemas';

const r = (
  id: string,
  slug: string,
  name: string,
  groupId: string | null,
  retired = false,
): RelationView => ({
  id,
  slug,
  name,
  color: '#047857',
  line: 'solid',
  groupId,
  retired,
});

const all = [
  r('1', 'supports', 'Supports', null),
  r('2', 'contradicts', 'Contradicts', null),
  r('3', 'supports', 'Backs', 'g'),
  r('4', 'illustrates', 'Illustrates', 'g'),
  r('5', 'echoes', 'Echoes', 'g', true),
  r('6', 'undercuts', 'Undercuts', 'h'),
];

describe('relationsFor', () => {
  it('gives a private link the defaults only', () => {
    expect(relationsFor(all, null).map((x) => x.id)).toEqual(['1', '2']);
  });
  it('lets a group rename a default and add its own, without retired ones or other groups’', () => {
    expect(relationsFor(all, 'g').map((x) => x.name)).toEqual(['Backs', 'Contradicts', 'Illustrates']);
  });
});

describe('relationName', () => {
  it('names a relation as the link’s group does', () => {
    expect(relationName(all, 'supports', 'g')).toBe('Backs');
    expect(relationName(all, 'supports', null)).toBe('Supports');
    expect(relationName(all, 'undercuts', null)).toBe('Undercuts');
    expect(relationName(all, 'unknown', null)).toBe('unknown');
  });
});
