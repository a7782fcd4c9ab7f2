import { describe, expect, it } from 'vitest';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import { loadFaceTimeBlocks } from '@/lib/anchoring/fixtures/face-time-blocks';
import { placeQuote } from '@/lib/anchoring/place-quote';
import { quoteAligner } from './align-quote';

const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const pageText = blocks.map((b) => b.text).join('\n');
const { fromCodePoints } = codePointMapping(index.text);
const aligner = quoteAligner(index);
const repeated = 'the US and the Soviet Union'; // five times in the article

describe('quoteAligner', () => {
  it('reads a quote across blocks joined by one newline (the page text) as the index spells it', () => {
    const exact = `${blocks[7].text.slice(-20)}\n${blocks[8].text.slice(0, 15)}`;
    const at = pageText.indexOf(exact);
    const aligned = aligner.align({ exact, positionHint: { start: at, end: at + exact.length } });
    expect(aligned.exact).toBe(`${blocks[7].text.slice(-20)}\n\n${blocks[8].text.slice(0, 15)}`);
    expect(index.text.slice(aligned.positionHint!.start, aligned.positionHint!.end)).toBe(aligned.exact);
    expect(placeQuote(index, fromCodePoints, aligned)).toMatchObject({
      status: 'ANCHORED',
      target: { start: { block: blocks[7].anchor }, end: { block: blocks[8].anchor, offset: 15 } },
    });
  });

  it('takes a position in either text as a hint towards the right one of repeated quotes', () => {
    const lastInIndex = index.text.lastIndexOf(repeated);
    const lastOnPage = pageText.lastIndexOf(repeated);
    expect(lastOnPage).not.toBe(lastInIndex);
    for (const start of [lastInIndex, lastOnPage]) {
      const aligned = aligner.align({
        exact: repeated,
        positionHint: { start, end: start + repeated.length },
      });
      expect(aligned.positionHint).toEqual({ start: lastInIndex, end: lastInIndex + repeated.length });
      const placed = placeQuote(index, fromCodePoints, aligned);
      expect(placed?.target.start.block).toBe(blocks.findLast((b) => b.text.includes(repeated))!.anchor);
    }
  });

  it('leaves a quote within one block, and one it cannot find, as they are', () => {
    expect(aligner.align({ exact: 'not in the article\nat all' })).toEqual({
      exact: 'not in the article\nat all',
    });
    expect(aligner.align({ exact: repeated, positionHint: { start: 3, end: 30 } }).positionHint).toEqual({
      start: 3,
      end: 30,
    });
    expect(aligner.align({ exact: repeated, prefix: 'p', suffix: 's' })).toEqual({
      exact: repeated,
      prefix: 'p',
      suffix: 's',
    });
  });
});
