import { describe, expect, it } from 'vitest';
import { exportFileName, fileNamePart } from './file-name';

const date = new Date('2026-11-30T23:30:00Z');

describe('exportFileName', () => {
  it('names the document and the day when nothing is filtered', () => {
    expect(exportFileName({ slug: 'face-time', date, extension: 'csv' })).toBe('face-time-2026-11-30.csv');
  });

  it('adds the tags, the group, mine or others, and orphans', () => {
    expect(exportFileName({ slug: 'face-time', tags: ['claim'], date, extension: 'csv' })).toBe(
      'face-time-claim-2026-11-30.csv',
    );
    expect(
      exportFileName({
        slug: 'face-time',
        tags: ['claim', 'framing'],
        group: 'Seminar A, Tuesday',
        mine: 'mine',
        orphaned: true,
        date,
        extension: 'md',
      }),
    ).toBe('face-time-claim-framing-seminar-a-tuesday-mine-orphans-2026-11-30.md');
    expect(exportFileName({ slug: 'face-time', group: 'private', date, extension: 'jsonld' })).toBe(
      'face-time-private-2026-11-30.jsonld',
    );
  });
});

describe('fileNamePart', () => {
  it('keeps lower-case ASCII words and drops the rest', () => {
    expect(fileNamePart('Séminaire Über — 2')).toBe('seminaire-uber-2');
    expect(fileNamePart('读书会')).toBe('');
    expect(fileNamePart('x'.repeat(60))).toHaveLength(40);
  });
});
