import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignAnchors, parseArticle, type BlockKind, type ParsedBlock } from './index';

const sample = readFileSync(new URL('./fixtures/face-time.txt', import.meta.url), 'utf8');
const original = parseArticle(sample, 'text').blocks;

const strip = (blocks: ParsedBlock[]) => blocks.map(({ kind, text }) => ({ kind, text }));
const anchorOf = (blocks: ParsedBlock[], start: string) =>
  blocks.find((b) => b.text.startsWith(start))?.anchor;
const p = (text: string) => ({ kind: 'PARAGRAPH' as BlockKind, text });

function expectUniqueAnchors(blocks: ParsedBlock[]) {
  expect(new Set(blocks.map((b) => b.anchor)).size).toBe(blocks.length);
}

describe('assignAnchors for a first version', () => {
  it('numbers each kind in reading order and names the single blocks', () => {
    const blocks = assignAnchors(null, [
      { kind: 'TITLE', text: 'T' },
      { kind: 'STANDFIRST', text: 'S' },
      { kind: 'BYLINE', text: 'By A' },
      p('one'),
      { kind: 'HEADING', text: 'H' },
      p('two'),
      { kind: 'CAPTION', text: 'C (Photo by X)' },
      p('three'),
    ]);
    expect(blocks.map((b) => b.anchor)).toEqual([
      'title',
      'standfirst',
      'byline',
      'p-1',
      'h-1',
      'p-2',
      'c-1',
      'p-3',
    ]);
  });

  it('keeps anchors unique even for repeated single kinds', () => {
    const blocks = assignAnchors(null, [
      { kind: 'BYLINE', text: 'By A' },
      { kind: 'BYLINE', text: 'By B' },
    ]);
    expect(blocks.map((b) => b.anchor)).toEqual(['byline', 'byline-2']);
  });
});

describe('assignAnchors across versions of the sample article', () => {
  it('gives an unchanged version the same anchors', () => {
    expect(assignAnchors(original, strip(original))).toEqual(original);
  });

  it('keeps anchors when a paragraph is inserted, and gives the new one a fresh number', () => {
    const next = strip(original);
    const at = next.findIndex((b) => b.text.startsWith('Besides the disruption'));
    next.splice(at, 0, p('An entirely new paragraph added by the editor in the revised version.'));
    const blocks = assignAnchors(original, next);
    expect(anchorOf(blocks, 'An entirely new paragraph')).toBe('p-25');
    expect(anchorOf(blocks, 'Besides the disruption')).toBe('p-4');
    expect(anchorOf(blocks, 'It is worth noting')).toBe('p-24');
    expectUniqueAnchors(blocks);
  });

  it('does not renumber when a paragraph is deleted, and never reuses its anchor', () => {
    const next = strip(original).filter((b) => !b.text.startsWith('The assumption by some analysts'));
    const blocks = assignAnchors(original, next);
    expect(anchorOf(blocks, 'Besides the disruption')).toBe('p-4');
    expect(blocks.map((b) => b.anchor)).not.toContain('p-3');

    const again = assignAnchors(
      blocks,
      [...strip(blocks), p('A brand new closing paragraph for the third version.')],
      ['p-3'],
    );
    expect(again.at(-1)?.anchor).toBe('p-25');
  });

  it('keeps the anchor of a lightly edited paragraph or heading', () => {
    const next = strip(original).map((b) => {
      if (b.text.startsWith('Besides the disruption')) {
        return {
          ...b,
          text: b.text.replace('Covid-19 pandemic', 'COVID-19 pandemic') + ' The visit angered Beijing.',
        };
      }
      if (b.text === 'Military Asymmetry') return { ...b, text: 'Military Asymmetries' };
      return b;
    });
    const blocks = assignAnchors(original, next);
    expect(anchorOf(blocks, 'Besides the disruption')).toBe('p-4');
    expect(anchorOf(blocks, 'Military Asymmetries')).toBe('h-1');
  });

  it('gives a rewritten paragraph a new anchor', () => {
    const next = strip(original).map((b) =>
      b.text.startsWith('Besides the disruption')
        ? p('Nothing of the earlier wording survives in this replacement text at all.')
        : b,
    );
    const blocks = assignAnchors(original, next);
    expect(anchorOf(blocks, 'Nothing of the earlier wording')).toBe('p-25');
    expect(anchorOf(blocks, 'In response to Pelosi')).toBe('p-5');
  });

  it('treats a paragraph that became a caption as a new block of its kind', () => {
    const next = strip(original).map((b) =>
      b.text.startsWith('Besides the disruption') ? { ...b, kind: 'CAPTION' as BlockKind } : b,
    );
    const blocks = assignAnchors(original, next);
    expect(anchorOf(blocks, 'Besides the disruption')).toBe('c-3');
  });

  it('keeps the named anchors when title, standfirst and byline change', () => {
    const next = strip(original).map((b) =>
      b.kind === 'TITLE'
        ? { ...b, text: 'A Completely Different Headline' }
        : b.kind === 'BYLINE'
          ? { ...b, text: 'By Someone Else' }
          : b,
    );
    const blocks = assignAnchors(original, next);
    expect(blocks.slice(0, 3).map((b) => b.anchor)).toEqual(['title', 'standfirst', 'byline']);
  });

  it('matches in order: a moved paragraph is a new block, the rest keep theirs', () => {
    const next = strip(original);
    const [moved] = next.splice(3, 1); // p-1 moves to the end
    next.push(moved);
    const blocks = assignAnchors(original, next);
    expect(blocks.at(-1)?.anchor).toBe('p-25');
    expect(anchorOf(blocks, 'Historically, military relations')).toBe('p-2');
    expectUniqueAnchors(blocks);
  });

  it('matches repeated identical paragraphs one to one', () => {
    const previous = assignAnchors(null, [p('Yes.'), p('Something between.'), p('Yes.')]);
    const blocks = assignAnchors(previous, [p('Yes.'), p('Yes.'), p('Something between.'), p('Yes.')]);
    expectUniqueAnchors(blocks);
    expect(blocks.map((b) => b.anchor).sort()).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
  });

  it('numbers new blocks above every anchor used before, including other versions', () => {
    const blocks = assignAnchors(
      original,
      [...strip(original), p('New.'), { kind: 'HEADING', text: 'New heading' }],
      ['p-40', 'h-9', 'not-an-anchor'],
    );
    expect(blocks.slice(-2).map((b) => b.anchor)).toEqual(['p-41', 'h-10']);
  });
});

describe('assignAnchors performance', () => {
  const paragraph = (i: number) =>
    `Paragraph ${i} discusses military exchanges between the two sides, the ${i}th point in a long argument about crisis management, trust and the process of dialogue over many years.`;

  it('aligns 500 blocks that were all lightly edited', () => {
    const previous = assignAnchors(
      null,
      Array.from({ length: 500 }, (_, i) => p(paragraph(i))),
    );
    const next = previous.map((b, i) => p(`${b.text.replace('the two sides', 'both sides')} Edited ${i}.`));
    next.splice(250, 0, p('Inserted in the middle of a long document with entirely fresh words here.'));
    const blocks = assignAnchors(previous, next);
    expect(blocks[0].anchor).toBe('p-1');
    expect(blocks[250].anchor).toBe('p-501');
    expect(blocks[251].anchor).toBe('p-251');
    expect(blocks.at(-1)?.anchor).toBe('p-500');
  });

  it('still follows unchanged and edited blocks in a very large document', () => {
    const previous = assignAnchors(
      null,
      Array.from({ length: 5000 }, (_, i) => p(paragraph(i))),
    );
    const next = strip(previous).map((b, i) =>
      i % 10 === 0 ? p(`Rewritten ${i}`) : i % 2 === 0 ? p(`${b.text} Lightly edited.`) : b,
    );
    const blocks = assignAnchors(previous, next);
    expect(blocks[1].anchor).toBe('p-2'); // unchanged
    expect(blocks[2].anchor).toBe('p-3'); // edited
    expect(blocks[4999].anchor).toBe('p-5000');
    expect(Number(blocks[10].anchor.slice(2))).toBeGreaterThan(5000); // rewritten
    expectUniqueAnchors(blocks);
  });
});
