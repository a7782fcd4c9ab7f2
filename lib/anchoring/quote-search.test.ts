import { describe, expect, it } from 'vitest';
import { findApproximate } from './approximate-search';
import { buildDocumentIndex } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';
import { normalizeForMatching, normalizeQuote } from './normalize-text';
import { contextScore, findEverywhere, findExact, surroundingsAgree } from './quote-search';

const index = buildDocumentIndex(loadFaceTimeBlocks());
const text = index.text;

describe('findEverywhere', () => {
  it('finds the same occurrences as a plain scan, for long and short quotes', () => {
    for (const quote of [
      'China-US military exchanges',
      'the Cold War',
      'US',
      'Soviet Union',
      'not in the article at all',
    ]) {
      expect(findEverywhere(index, quote)).toEqual(findExact(text, quote, 0, text.length));
    }
  });

  it('finds overlapping occurrences', () => {
    const source = { text: 'aaaaaaaaaaaa' };
    expect(findEverywhere(source, 'aaaaaaaaaa').map((m) => m.start)).toEqual([0, 1, 2]);
  });
});

describe('context agreement', () => {
  const at = text.indexOf('“ballast stone”');
  const end = at + '“ballast stone”'.length;

  it('counts agreeing code units outwards, folding quote styles and spaces', () => {
    expect(contextScore(text, at, end, 'referred to as the new ', ' or the')).toBe(23 + 7);
    expect(contextScore(text, at, end, 'as the\u00a0new ', ' or the "st')).toBe(11 + 11);
    expect(contextScore(text, at, end, 'XXX new ', ' or YYY')).toBe(5 + 4);
  });

  it('agrees when one side matches enough, or the quote still sits at a document edge', () => {
    expect(surroundingsAgree(text, at, end, 'something else ', ' or the “stab')).toBe(true);
    expect(surroundingsAgree(text, at, end, 'something else ', ' and more')).toBe(false);
    expect(surroundingsAgree(text, 0, 4, '', 'nothing like it')).toBe(true);
    expect(surroundingsAgree(text, at, end, '', '')).toBe(false);
  });
});

describe('findApproximate', () => {
  const norm = normalizeForMatching(text);

  it('finds a quote with a few edits and maps it back to the original text', () => {
    const quote = normalizeQuote('the new "balast stone" or the "stabiliser"');
    const [match] = findApproximate(norm, quote, 0, text.length, 'near');
    expect(text.slice(match.start, match.end)).toBe('the new “ballast stone” or the “stabilizer”');
    expect(match.errors).toBe(2);
  });

  it('searching far finds a lightly edited quote but not a heavily edited one', () => {
    const quote = normalizeQuote('a seat belt on a speding driver, which will reduce the risk');
    const far = findApproximate(norm, quote, 0, text.length, 'far');
    expect(far.map((m) => text.slice(m.start, m.end))).toEqual([
      'a seat belt on a speeding driver, which will reduce the risk',
    ]);
    expect(
      findApproximate(
        norm,
        normalizeQuote('a sxat bxlt on a spxxding drxvxr, whxch wxll rxdxcx'),
        0,
        text.length,
        'far',
      ),
    ).toEqual([]);
  });

  it('does not match very short quotes approximately', () => {
    expect(findApproximate(norm, 'Fuj', 0, text.length)).toEqual([]);
  });
});
