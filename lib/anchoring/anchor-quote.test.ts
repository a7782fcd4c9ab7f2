import { describe, expect, it } from 'vitest';
import { anchorQuote } from './reanchor';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';

// anchorQuote places W3C TextQuote selectors (from Hypothesis or our own exports) in the sample article.
const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const placed = (result: ReturnType<typeof anchorQuote>) =>
  result && {
    block: result.target.start.block,
    endBlock: result.target.end.block,
    quote: quoteBetween(index, result.target.start, result.target.end),
    fuzzy: result.fuzzy,
  };

describe('anchorQuote', () => {
  it('places a unique quote exactly', () => {
    const result = anchorQuote(index, { exact: 'putting a seat belt on a speeding driver' });
    expect(placed(result)).toEqual({
      block: 'p-13',
      endBlock: 'p-13',
      quote: 'putting a seat belt on a speeding driver',
      fuzzy: false,
    });
    expect(result!.target.start.offset).toBe(blocks[13].text.indexOf('putting a seat belt'));
    expect(result!.target.prefix).toBe(
      blocks[13].text.slice(result!.target.start.offset - 32, result!.target.start.offset),
    );
  });

  it('tells repeated quotes apart by their prefix and suffix', () => {
    const exact = 'the US and the Soviet Union';
    expect(index.text.split(exact).length - 1).toBe(5);
    const result = anchorQuote(index, {
      exact,
      prefix: 'Furthermore, during the Cold War, ',
      suffix: ' primarily contested',
    });
    expect(placed(result)).toMatchObject({ block: 'p-11', fuzzy: false });
    const other = anchorQuote(index, { exact, prefix: 'Cold War, when ', suffix: ' could somewhat accept' });
    expect(placed(other)).toMatchObject({ block: 'p-12', fuzzy: false });
    const third = anchorQuote(index, { exact, suffix: ' cannot be applied' });
    expect(placed(third)).toMatchObject({ block: 'p-12', fuzzy: false });
    expect(third!.target.start.offset).toBeGreaterThan(other!.target.start.offset);
  });

  it('uses the position hint when the context does not decide', () => {
    const hint = index.starts[12] + 10;
    expect(placed(anchorQuote(index, { exact: 'the Cold War', positionHint: hint }))).toMatchObject({
      block: 'p-12',
    });
    expect(placed(anchorQuote(index, { exact: 'the Cold War', positionHint: 0 }))).toMatchObject({
      block: 'p-9',
    });
  });

  it('places a quote that crosses blocks, whether joined by a blank line or a single newline', () => {
    expect(placed(anchorQuote(index, { exact: 'Dec.1\n\nOn August 3' }))).toEqual({
      block: 'p-2',
      endBlock: 'p-3',
      quote: 'Dec.1\n\nOn August 3',
      fuzzy: false,
    });
    expect(placed(anchorQuote(index, { exact: 'Dec.1\nOn August 3' }))).toEqual({
      block: 'p-2',
      endBlock: 'p-3',
      quote: 'Dec.1\n\nOn August 3',
      fuzzy: true,
    });
  });

  it('places a quote typed with straight quotes, and says the text differs', () => {
    const result = anchorQuote(index, { exact: 'new "ballast stone" or the "stabilizer"' });
    expect(placed(result)).toEqual({
      block: 'p-4',
      endBlock: 'p-4',
      quote: 'new “ballast stone” or the “stabilizer”',
      fuzzy: true,
    });
  });

  it('places a quote with a typo approximately', () => {
    const result = anchorQuote(index, {
      exact: 'the formidible challenge of achieving substantive progress',
    });
    expect(placed(result)).toEqual({
      block: 'p-8',
      endBlock: 'p-8',
      quote: 'the formidable challenge of achieving substantive progress',
      fuzzy: true,
    });
  });

  it('returns null for text the article does not contain, or an empty quote', () => {
    expect(anchorQuote(index, { exact: 'The weather in Suva was pleasant all week long.' })).toBeNull();
    expect(anchorQuote(index, { exact: '' })).toBeNull();
    expect(anchorQuote(buildDocumentIndex([]), { exact: 'Fiji' })).toBeNull();
  });

  it('does not place a short quote approximately, nor a repeated one where its given context disagrees', () => {
    expect(anchorQuote(index, { exact: 'Fuji' })).toBeNull();
    expect(
      anchorQuote(index, { exact: 'Fiji', prefix: 'the summit was held in ', suffix: ' last spring' }),
    ).toBeNull();
    expect(
      placed(anchorQuote(index, { exact: 'Pelosi’s visit', prefix: 'Old Version\n', suffix: ' (page 2)' })),
    ).toMatchObject({
      block: 'p-7',
    });
    expect(
      placed(anchorQuote(index, { exact: 'Fiji', prefix: 'US military in ', suffix: '. This marks' })),
    ).toMatchObject({ block: 'p-3' });
  });
});

describe('anchorQuote with a position hint', () => {
  it('prefers the approximate match nearest the hint when two are equally good', () => {
    const exact = 'the US and the Soviet Unoin';
    const near11 = anchorQuote(index, { exact, positionHint: index.starts[11] + 30 });
    const near12 = anchorQuote(index, { exact, positionHint: index.starts[12] + 30 });
    expect(placed(near11)).toMatchObject({
      block: 'p-11',
      quote: 'the US and the Soviet Union',
      fuzzy: true,
    });
    expect(placed(near12)).toMatchObject({
      block: 'p-12',
      quote: 'the US and the Soviet Union',
      fuzzy: true,
    });
  });
});
