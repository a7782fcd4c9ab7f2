import { describe, expect, it } from 'vitest';
import { loadFaceTimeBlocks } from '@/lib/anchoring/fixtures/face-time-blocks';
import { segmentBlock, type Highlight, type Segment } from './segment-block';

const blocks = loadFaceTimeBlocks();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Segments must tile the text exactly, in order, with no empty runs. */
function expectTiling(text: string, segments: Segment[]) {
  let cursor = 0;
  for (const segment of segments) {
    expect(segment.start).toBe(cursor);
    expect(segment.end).toBeGreaterThan(segment.start);
    expect(segment.text).toBe(text.slice(segment.start, segment.end));
    expect(segment.text).not.toMatch(LONE_SURROGATE);
    cursor = segment.end;
  }
  expect(cursor).toBe(text.length);
}

const view = (segments: Segment[]) => segments.map((s) => [s.text, s.ids]);

describe('segmentBlock', () => {
  it('returns the whole text as one plain run when nothing is highlighted', () => {
    const text = blocks[3].text;
    expect(segmentBlock(text, [])).toEqual([{ start: 0, end: text.length, text, ids: [] }]);
  });

  it('returns nothing for an empty block', () => {
    expect(segmentBlock('', [{ id: 'a', start: 0, end: 3 }])).toEqual([]);
  });

  it('cuts around one highlight', () => {
    const text = 'Face Time';
    expect(view(segmentBlock(text, [{ id: 'a', start: 5, end: 9 }]))).toEqual([
      ['Face ', []],
      ['Time', ['a']],
    ]);
  });

  it('marks a whole-block selection as one run', () => {
    const text = blocks[2].text;
    expect(view(segmentBlock(text, [{ id: 'a', start: 0, end: text.length }]))).toEqual([[text, ['a']]]);
  });

  it('cuts overlapping highlights at every boundary and lists ids in input order', () => {
    const text = 'the new “ballast stone” or the “stabilizer”';
    const highlights: Highlight[] = [
      { id: 'late', start: 27, end: 43 },
      { id: 'wide', start: 4, end: 43 },
      { id: 'quote', start: 8, end: 23 },
    ];
    expect(view(segmentBlock(text, highlights))).toEqual([
      ['the ', []],
      ['new ', ['wide']],
      ['“ballast stone”', ['wide', 'quote']],
      [' or ', ['wide']],
      ['the “stabilizer”', ['late', 'wide']],
    ]);
  });

  it('keeps adjacent highlights apart and shows identical ones as one run', () => {
    const text = 'abcdef';
    expect(
      view(
        segmentBlock(text, [
          { id: 'x', start: 0, end: 3 },
          { id: 'y', start: 3, end: 6 },
        ]),
      ),
    ).toEqual([
      ['abc', ['x']],
      ['def', ['y']],
    ]);
    expect(
      view(
        segmentBlock(text, [
          { id: 'x', start: 1, end: 4 },
          { id: 'y', start: 1, end: 4 },
        ]),
      ),
    ).toEqual([
      ['a', []],
      ['bcd', ['x', 'y']],
      ['ef', []],
    ]);
  });

  it('ignores empty and backwards highlights and clamps ones that overrun the block', () => {
    const text = 'abcdef';
    const segments = segmentBlock(text, [
      { id: 'empty', start: 2, end: 2 },
      { id: 'backwards', start: 5, end: 1 },
      { id: 'overrun', start: 4, end: 99 },
      { id: 'before', start: -5, end: 1 },
      { id: 'nan', start: Number.NaN, end: 3 },
    ]);
    expect(view(segments)).toEqual([
      ['a', ['before']],
      ['bcd', []],
      ['ef', ['overrun']],
    ]);
  });

  it('does not split a piece of one annotation listed twice', () => {
    expect(
      view(
        segmentBlock('abcdef', [
          { id: 'x', start: 0, end: 3 },
          { id: 'x', start: 2, end: 6 },
        ]),
      ),
    ).toEqual([['abcdef', ['x']]]);
  });

  it('never cuts an emoji or other surrogate pair in half', () => {
    const text = 'Talks 🤝 resumed 🇨🇳🇺🇸 in 𝔉𝔦𝔧𝔦';
    const flags = text.indexOf('🇨🇳');
    const segments = segmentBlock(text, [
      { id: 'a', start: 7, end: 12 }, // starts inside 🤝
      { id: 'b', start: flags + 3, end: flags + 5 }, // inside the flags
      { id: 'c', start: text.length - 3, end: text.length }, // inside a math letter
    ]);
    expectTiling(text, segments);
    expect(view(segments)).toEqual([
      ['Talks ', []],
      ['🤝 res', ['a']],
      ['umed 🇨', []],
      ['🇳🇺', ['b']],
      ['🇸 in 𝔉𝔦', []],
      ['𝔧𝔦', ['c']],
    ]);
  });

  it('cuts by code units around combining marks without altering the text', () => {
    const text = 'Cafe\u0301 nai\u0308ve'; // decomposed é and ï
    const segments = segmentBlock(text, [
      { id: 'a', start: 0, end: 5 },
      { id: 'b', start: 6, end: 12 },
    ]);
    expectTiling(text, segments);
    expect(view(segments)).toEqual([
      ['Cafe\u0301', ['a']],
      [' ', []],
      ['nai\u0308ve', ['b']],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('keeps NBSP and curly quotes exactly as in the text', () => {
    const text = blocks[17].text; // "‘Dialogue is Futile’\u00a0\nThanks …"
    const segments = segmentBlock(text, [
      { id: 'h', start: 0, end: 20 },
      { id: 'n', start: 20, end: 22 },
    ]);
    expectTiling(text, segments);
    expect(view(segments).slice(0, 2)).toEqual([
      ['‘Dialogue is Futile’', ['h']],
      ['\u00a0\n', ['n']],
    ]);
  });

  it('computes 1,000 overlapping highlights on a real paragraph correctly', () => {
    const text = blocks[11].text;
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const highlights: Highlight[] = Array.from({ length: 1000 }, (_, i) => {
      const a = random(text.length + 1);
      const b = random(text.length + 1);
      return { id: `h${i}`, start: Math.min(a, b), end: Math.max(a, b) };
    });
    const segments = segmentBlock(text, highlights);
    expectTiling(text, segments);
    // Brute force: the covering ids at every code unit, in input order.
    for (const segment of segments) {
      for (const at of [segment.start, segment.end - 1]) {
        const covering = highlights.filter((h) => h.start <= at && at < h.end).map((h) => h.id);
        expect(segment.ids).toEqual(covering);
      }
    }
    const boundaries = new Set(highlights.filter((h) => h.end > h.start).flatMap((h) => [h.start, h.end]));
    for (const segment of segments.slice(1)) expect(boundaries.has(segment.start)).toBe(true);
    for (let i = 1; i < segments.length; i++) expect(segments[i].ids).not.toEqual(segments[i - 1].ids);
  });
});
