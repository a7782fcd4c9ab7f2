import { describe, expect, it } from 'vitest';
import { codePointMapping } from './code-points';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';
import { placeQuote } from './place-quote';

// placeQuote puts an imported quote in the sample article, using the hints the file gave.
const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const { fromCodePoints } = codePointMapping(index.text);
const exact = 'the US and the Soviet Union'; // five times in the article

describe('placeQuote', () => {
  it('takes a block hint from our own export as is when the quote is still there', () => {
    const start = blocks[11].text.indexOf(exact);
    const placed = placeQuote(index, fromCodePoints, {
      exact,
      blockHint: {
        start: { block: 'p-11', offset: start },
        end: { block: 'p-11', offset: start + exact.length },
      },
    });
    expect(placed).toMatchObject({ status: 'ANCHORED', target: { start: { block: 'p-11', offset: start } } });
  });

  it('ignores a block hint that no longer holds the quote, and searches instead', () => {
    const placed = placeQuote(index, fromCodePoints, {
      exact: 'putting a seat belt on a speeding driver',
      blockHint: { start: { block: 'p-2', offset: 0 }, end: { block: 'p-2', offset: 40 } },
    });
    expect(placed?.target.start.block).toBe('p-13');
    expect(placed?.status).toBe('ANCHORED');
  });

  it('picks the occurrence nearest a fragment or position hint among repeated quotes', () => {
    const occurrences = blocks.flatMap((b) => (b.text.includes(exact) ? [b.anchor] : []));
    const last = occurrences[occurrences.length - 1];
    expect(placeQuote(index, fromCodePoints, { exact, fragment: last })?.target.start.block).toBe(last);
    const at = index.text.lastIndexOf(exact);
    const byPosition = placeQuote(index, fromCodePoints, {
      exact,
      positionHint: { start: [...index.text.slice(0, at)].length, end: 0 },
    });
    expect(byPosition && quoteBetween(index, byPosition.target.start, byPosition.target.end)).toBe(exact);
    expect(byPosition?.target.start.block).toBe(last);
  });

  it('finds a slightly altered quote approximately, and nothing for a quote not in the text', () => {
    const fuzzy = placeQuote(index, fromCodePoints, { exact: 'putting a seatbelt on a speeding driver' });
    expect(fuzzy?.status).toBe('REANCHORED');
    expect(
      placeQuote(index, fromCodePoints, { exact: 'words that never appear in this article at all' }),
    ).toBe(null);
  });

  it('reads exports of both generations: page text (one line break, page offsets) and document text', () => {
    const pageText = blocks.map((b) => b.text).join('\n');
    const pageAt = pageText.lastIndexOf(exact);
    const docAt = index.text.lastIndexOf(exact);
    const last = blocks.filter((b) => b.text.includes(exact)).at(-1)!.anchor;
    // A repeated quote is placed by its position, counted in either text.
    for (const start of [[...pageText.slice(0, pageAt)].length, [...index.text.slice(0, docAt)].length]) {
      const placed = placeQuote(index, fromCodePoints, { exact, positionHint: { start, end: start } });
      expect(placed?.target.start.block).toBe(last);
    }
    // A quote across two blocks, as the page shows it and as older exports wrote it.
    const across = `${blocks[3].text.slice(-20)}\n${blocks[4].text.slice(0, 15)}`;
    for (const quote of [across, across.replace('\n', '\n\n')]) {
      const placed = placeQuote(index, fromCodePoints, { exact: quote });
      expect(placed).toMatchObject({
        status: 'ANCHORED',
        target: { start: { block: blocks[3].anchor }, end: { block: blocks[4].anchor, offset: 15 } },
      });
    }
  });
});
