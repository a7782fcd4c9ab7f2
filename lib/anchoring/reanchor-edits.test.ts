import { describe, expect, it } from 'vitest';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';
import {
  editBlock,
  numberBlocks,
  replaceOnce,
  targetAcross,
  targetIn,
  textsOf,
} from './fixtures/edit-helpers';
import { reanchorTarget, type ReanchorResult } from './reanchor';
import type { BlockText, Target } from './types';

// Re-anchoring on real edits of the sample article. blocks[n] is p-n.
const original = loadFaceTimeBlocks();
const originalIndex = buildDocumentIndex(original);

function reanchor(oldBlocks: BlockText[], target: Target, newBlocks: BlockText[]) {
  const newIndex = buildDocumentIndex(newBlocks);
  return { result: reanchorTarget(buildDocumentIndex(oldBlocks), target, newIndex), newIndex };
}

function expectPlaced(
  { result, newIndex }: { result: ReanchorResult; newIndex: ReturnType<typeof buildDocumentIndex> },
  expected: {
    status: 'ANCHORED' | 'REANCHORED';
    strategy?: ReanchorResult['strategy'];
    block: string;
    offset: number;
    endBlock?: string;
    exact: string;
  },
) {
  expect(result.status).toBe(expected.status);
  if (expected.strategy) expect(result.strategy).toBe(expected.strategy);
  const target = result.target!;
  expect(target.start).toEqual({ block: expected.block, offset: expected.offset });
  expect(target.end.block).toBe(expected.endBlock ?? expected.block);
  expect(quoteBetween(newIndex, target.start, target.end)).toBe(expected.exact);
  expect(target.exact).toBe(expected.exact);
  const pos = newIndex.starts[newIndex.indexByAnchor.get(target.start.block)!] + target.start.offset;
  expect(target.prefix).toBe(newIndex.text.slice(Math.max(0, pos - 32), pos));
}

const offsetIn = (blocks: BlockText[], anchor: string, text: string) =>
  blocks.find((b) => b.anchor === anchor)!.text.indexOf(text);

describe('reanchorTarget on an unchanged or locally edited article', () => {
  it('keeps a target whose block is unchanged (ANCHORED)', () => {
    const target = targetIn(originalIndex, 'p-7', 'the China-US Defense Ministers’ Dialogue');
    const outcome = reanchor(original, target, original);
    expect(outcome.result).toEqual({ status: 'ANCHORED', strategy: 'same-position', target });
  });

  it('keeps a target when only text after it in the block changed (ANCHORED)', () => {
    const target = targetIn(originalIndex, 'p-13', 'putting a seat belt on a speeding driver');
    const edited = editBlock(original, 'p-13', (t) =>
      replaceOnce(t, 'operations around China.', 'operations near China.'),
    );
    expectPlaced(reanchor(original, target, edited), {
      status: 'ANCHORED',
      strategy: 'same-position',
      block: 'p-13',
      offset: target.start.offset,
      exact: target.exact,
    });
  });

  it('follows a quote whose typo was fixed (fuzzy, REANCHORED)', () => {
    const withTypo = editBlock(original, 'p-11', (t) =>
      replaceOnce(t, 'primarily contested', 'primarly contested'),
    );
    const target = targetIn(
      buildDocumentIndex(withTypo),
      'p-11',
      'the Soviet Union primarly contested in intermediary regions',
    );
    expectPlaced(reanchor(withTypo, target, original), {
      status: 'REANCHORED',
      strategy: 'fuzzy',
      block: 'p-11',
      offset: target.start.offset,
      exact: 'the Soviet Union primarily contested in intermediary regions',
    });
  });

  it('shifts a quote when a typo before it in the block is fixed', () => {
    const withTypo = editBlock(original, 'p-4', (t) => replaceOnce(t, 'nosedived', 'nosedivved'));
    const target = targetIn(buildDocumentIndex(withTypo), 'p-4', '“ballast stone”');
    expectPlaced(reanchor(withTypo, target, original), {
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      block: 'p-4',
      offset: target.start.offset - 1,
      exact: '“ballast stone”',
    });
  });

  it('shifts a quote when a sentence is inserted before it', () => {
    const sentence = 'This view is widely shared in Beijing. ';
    const target = targetIn(originalIndex, 'p-13', 'putting a seat belt on a speeding driver');
    const edited = editBlock(original, 'p-13', (t) => sentence + t);
    expectPlaced(reanchor(original, target, edited), {
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      block: 'p-13',
      offset: target.start.offset + sentence.length,
      exact: target.exact,
    });
  });

  it('follows its own occurrence of a short, repeated quote after an insertion', () => {
    const target = targetIn(originalIndex, 'p-8', 'the US', 1); // "the US stepped up its military preparations"
    const sentence = 'Observers in the US saw it differently. ';
    const edited = editBlock(original, 'p-8', (t) => sentence + t);
    const outcome = reanchor(original, target, edited);
    expectPlaced(outcome, {
      status: 'REANCHORED',
      block: 'p-8',
      offset: target.start.offset + sentence.length,
      exact: 'the US',
    });
    expect(outcome.result.target!.suffix).toBe(target.suffix);
  });

  it('does not keep a short quote that merely reappears at the same offsets of a different paragraph', () => {
    const target = targetIn(originalIndex, 'p-3', 'the US'); // "representatives of the US military in Fiji"
    const offset = target.start.offset;
    const filler =
      'Officials on both sides said little about the talks, and few details were released. '.repeat(8);
    const inserted = filler.slice(0, offset) + 'the US side said nothing.';
    const texts = textsOf(original);
    texts.splice(3, 0, inserted); // the old p-3 becomes p-4; the new p-3 has "the US" at the same offset
    const outcome = reanchor(original, target, numberBlocks(texts));
    expectPlaced(outcome, { status: 'REANCHORED', block: 'p-4', offset, exact: 'the US' });
  });

  it('keeps a quote across blocks, and moves it when text is inserted before it', () => {
    const target = targetAcross(
      originalIndex,
      'p-5',
      'has been maintained.',
      'p-6',
      'Besides the disruption',
    );
    expectPlaced(reanchor(original, target, original), {
      status: 'ANCHORED',
      block: 'p-5',
      endBlock: 'p-6',
      offset: target.start.offset,
      exact: target.exact,
    });
    const edited = editBlock(original, 'p-5', (t) => 'Indeed, ' + t);
    expectPlaced(reanchor(original, target, edited), {
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      block: 'p-5',
      endBlock: 'p-6',
      offset: target.start.offset + 8,
      exact: target.exact,
    });
  });
});

describe('reanchorTarget when paragraphs are split, merged, inserted, moved or deleted', () => {
  const splitAt = 'This asymmetry, coupled';
  const splitTexts = textsOf(original);
  const p10 = splitTexts[10];
  splitTexts.splice(10, 1, p10.slice(0, p10.indexOf(splitAt) - 1), p10.slice(p10.indexOf(splitAt)));
  const split = numberBlocks(splitTexts);

  it('split: a quote in the second half moves to the new paragraph', () => {
    const target = targetIn(originalIndex, 'p-10', 'could bring instability to bilateral relations');
    expectPlaced(reanchor(original, target, split), {
      status: 'REANCHORED',
      block: 'p-11',
      offset: offsetIn(split, 'p-11', 'could bring'),
      exact: target.exact,
    });
  });

  it('split: a quote across the split point now spans both paragraphs', () => {
    const target = targetIn(originalIndex, 'p-10', 'in recent years. This asymmetry');
    expectPlaced(reanchor(original, target, split), {
      status: 'REANCHORED',
      block: 'p-10',
      endBlock: 'p-11',
      offset: target.start.offset,
      exact: 'in recent years.\n\nThis asymmetry',
    });
  });

  it('split: a quote in the first half stays, and one in the next paragraph follows the renumbering', () => {
    const first = targetIn(originalIndex, 'p-10', 'roughly on par');
    expectPlaced(reanchor(original, first, split), {
      status: 'ANCHORED',
      block: 'p-10',
      offset: first.start.offset,
      exact: first.exact,
    });
    const next = targetIn(originalIndex, 'p-11', 'intermediary regions');
    expectPlaced(reanchor(original, next, split), {
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      block: 'p-12',
      offset: next.start.offset,
      exact: next.exact,
    });
  });

  it('split: a quote in the second half whose typo was also fixed is found approximately', () => {
    const withTypo = editBlock(original, 'p-10', (t) =>
      replaceOnce(t, 'mutual trust, could', 'mutual trust, coud'),
    );
    const target = targetIn(
      buildDocumentIndex(withTypo),
      'p-10',
      'a lack of mutual trust, coud bring instability',
    );
    expectPlaced(reanchor(withTypo, target, split), {
      status: 'REANCHORED',
      strategy: 'fuzzy',
      block: 'p-11',
      offset: offsetIn(split, 'p-11', 'a lack of mutual trust'),
      exact: 'a lack of mutual trust, could bring instability',
    });
  });

  const mergedTexts = textsOf(original);
  mergedTexts.splice(23, 2, `${mergedTexts[23]} ${mergedTexts[24]}`);
  const merged = numberBlocks(mergedTexts);

  it('merge: a quote across the two paragraphs becomes a quote inside one', () => {
    const target = targetAcross(originalIndex, 'p-23', 'cherish the hard-won', 'p-24', 'In this context');
    expectPlaced(reanchor(original, target, merged), {
      status: 'REANCHORED',
      block: 'p-23',
      offset: target.start.offset,
      exact: 'cherish the hard-won resumption of exchanges. In this context',
    });
  });

  it('merge: a quote in the second paragraph moves into the merged one', () => {
    const target = targetIn(originalIndex, 'p-24', 'lacks patience in communication');
    expectPlaced(reanchor(original, target, merged), {
      status: 'REANCHORED',
      block: 'p-23',
      offset: original[23].text.length + 1 + target.start.offset,
      exact: target.exact,
    });
  });

  it('insert: a paragraph inserted earlier renumbers the block, and a typo fix there is still found', () => {
    const texts = textsOf(original);
    texts.splice(6, 0, 'A new paragraph about the Shangri-La Dialogue.');
    const inserted = numberBlocks(texts);
    const target = targetIn(originalIndex, 'p-7', 'unilateral sanctions imposed by the US');
    expectPlaced(reanchor(original, target, inserted), {
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      block: 'p-8',
      offset: target.start.offset,
      exact: target.exact,
    });
    const typoFixed = editBlock(inserted, 'p-8', (t) =>
      replaceOnce(t, 'unilateral sanctions', 'unilateral sanction'),
    );
    expectPlaced(reanchor(original, target, typoFixed), {
      status: 'REANCHORED',
      strategy: 'fuzzy',
      block: 'p-8',
      offset: target.start.offset,
      exact: 'unilateral sanction imposed by the US',
    });
  });

  it('move: a paragraph moved further down takes its quotes along', () => {
    const texts = textsOf(original);
    const [moved] = texts.splice(14, 1);
    texts.splice(16, 0, moved);
    const target = targetIn(originalIndex, 'p-14', 'framing China’s “excessive reactions”');
    expectPlaced(reanchor(original, target, numberBlocks(texts)), {
      status: 'REANCHORED',
      block: 'p-16',
      offset: target.start.offset,
      exact: target.exact,
    });
  });

  it('delete: a quote whose sentence was removed is orphaned, while its neighbours stay', () => {
    const sentence =
      'This might be a case of the pot calling the kettle black, or a deliberate effort to shape the public discourse. ';
    const edited = editBlock(original, 'p-26', (t) => replaceOnce(t, sentence, ''));
    const gone = targetIn(originalIndex, 'p-26', 'the pot calling the kettle black');
    expect(reanchor(original, gone, edited).result).toEqual({
      status: 'ORPHANED',
      target: null,
      strategy: 'orphan',
    });
    const before = targetIn(originalIndex, 'p-26', 'attributing them to “unprofessionalism”');
    expectPlaced(reanchor(original, before, edited), {
      status: 'ANCHORED',
      block: 'p-26',
      offset: before.start.offset,
      exact: before.exact,
    });
    const after = targetIn(originalIndex, 'p-26', 'a hostile political environment');
    expectPlaced(reanchor(original, after, edited), {
      status: 'REANCHORED',
      block: 'p-26',
      offset: after.start.offset - sentence.length,
      exact: after.exact,
    });
  });

  it('delete: every quote of a removed paragraph is orphaned', () => {
    const texts = textsOf(original);
    texts.splice(20, 1);
    const newBlocks = numberBlocks(texts);
    for (const quote of [
      'That is completely delusional',
      'Senior Colonel Wu Qian stressed',
      '“The US expects to harm China’s national interests',
    ]) {
      expect(reanchor(original, targetIn(originalIndex, 'p-20', quote), newBlocks).result.status).toBe(
        'ORPHANED',
      );
    }
  });
});
