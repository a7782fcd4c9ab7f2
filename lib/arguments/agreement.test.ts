import { describe, expect, it } from 'vitest';
import { computeAgreement, describeAlpha, type Rating } from './agreement';

/** Ratings from rows of a table: one string per rater, one character per unit, '.' missing. */
function table(rows: Record<string, string[]>): Rating[] {
  return Object.entries(rows).flatMap(([rater, values]) =>
    values.flatMap((value, unit) => (value === '.' ? [] : [{ unit: `u${unit}`, rater, value }])),
  );
}

describe('computeAgreement (Krippendorff’s alpha, nominal)', () => {
  it('is 1 when every pair of readers gives a passage the same tag', () => {
    const result = computeAgreement(
      table({ ada: ['claim', 'evidence', 'claim'], bob: ['claim', 'evidence', 'claim'] }),
    );
    expect(result).toEqual({ alpha: 1, observed: 1, units: 3, values: 6, raters: 2 });
  });

  it('is below 0 when readers systematically swap the tags', () => {
    // o(claim,evidence) = o(evidence,claim) = 2, n_c = n_e = 2, n = 4:
    // alpha = 1 - 3 · 4 / (2·2 + 2·2) = -0.5
    const result = computeAgreement(table({ ada: ['claim', 'evidence'], bob: ['evidence', 'claim'] }));
    expect(result.alpha).toBe(-0.5);
    expect(result.observed).toBe(0);
    expect(describeAlpha(result.alpha)).toBe('systematic disagreement');
  });

  it('is close to 0 when readers agree only as often as chance predicts', () => {
    // 100 passages, two tags used equally; the readers agree on half of them.
    // D = 50 disagreeing units · 2 ordered pairs = 100, n = 200, n_c = n_e = 100:
    // alpha = 1 - 199 · 100 / (2 · 100 · 100) = 0.005
    const ada = Array.from({ length: 100 }, (_, i) => (i % 4 < 2 ? 'claim' : 'evidence'));
    const bob = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 'claim' : 'evidence'));
    const result = computeAgreement(table({ ada, bob }));
    expect(result.alpha).toBe(0.005);
    expect(result.observed).toBe(0.5);
    expect(describeAlpha(result.alpha)).toBe('about what chance would give');
  });

  it('handles missing data: Krippendorff’s worked example gives 0.743', () => {
    // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), example C:
    // 4 observers, 12 units, 7 values missing; nominal alpha = 0.743.
    const rows = {
      A: '1 2 3 3 2 1 4 1 2 . . .'.split(' '),
      B: '1 2 3 3 2 2 4 1 2 5 . 3'.split(' '),
      C: '. 3 3 3 2 3 4 2 2 5 1 .'.split(' '),
      D: '1 2 3 3 2 4 4 1 2 5 1 .'.split(' '),
    };
    const result = computeAgreement(table(rows));
    expect(result.alpha).toBeCloseTo(0.743, 3);
    // unit 12 has one value only: not pairable
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it('is undefined with no pair of readers on a passage, or no variation at all', () => {
    expect(computeAgreement(table({ ada: ['claim', '.'], bob: ['.', 'claim'] })).alpha).toBeNull();
    expect(computeAgreement([]).observed).toBeNull();
    const same = computeAgreement(table({ ada: ['claim', 'claim'], bob: ['claim', 'claim'] }));
    expect(same.alpha).toBeNull();
    expect(same.observed).toBe(1);
  });

  it('counts one value per reader and passage', () => {
    const ratings = [
      { unit: 'u', rater: 'ada', value: 'claim' },
      { unit: 'u', rater: 'ada', value: 'evidence' },
      { unit: 'u', rater: 'bob', value: 'claim' },
      { unit: 'v', rater: 'ada', value: 'evidence' },
      { unit: 'v', rater: 'bob', value: 'evidence' },
    ];
    expect(computeAgreement(ratings).alpha).toBe(1);
  });
});
