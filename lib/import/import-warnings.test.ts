import { describe, expect, it } from 'vitest';
import { importWarnings, type WarningFacts } from './import-warnings';

const none: WarningFacts = {
  defaultTag: 'claim',
  groupId: 'g-1',
  imported: 1,
  orphaned: 0,
  defaulted: 0,
  unknownTags: new Set(),
  foreign: { count: 0, example: '' },
  withoutId: 0,
};

describe('importWarnings', () => {
  it('says nothing when there is nothing to say', () => {
    expect(importWarnings(none)).toEqual([]);
  });

  it('speaks of one annotation in the singular and of several in the plural', () => {
    expect(importWarnings({ ...none, defaulted: 1, orphaned: 1, withoutId: 1 })).toEqual([
      '1 annotation had no tag Marginalia knows and was tagged “claim”.',
      '1 quote was not found in this document: listed as orphans, ready to re-attach.',
      '1 annotation has no id in the file: importing it again would add it again.',
    ]);
    expect(importWarnings({ ...none, foreign: { count: 2, example: 'https://x.org/a' } })).toEqual([
      '2 annotations were made on another page (e.g. https://x.org/a); they were placed by the quoted text.',
    ]);
  });

  it('lists at most twenty unknown tags, and says private imports are private', () => {
    const many = new Set(Array.from({ length: 25 }, (_, i) => `t${i}`));
    const [tags, privacy] = importWarnings({ ...none, groupId: null, unknownTags: many });
    expect(tags).toMatch(/^Tags not found in the default tags were left out: t0, .*t19, …\.$/);
    expect(privacy).toBe('The imported annotations are private: only you can see them.');
  });
});
