import { describe, expect, it } from 'vitest';
import {
  acrossBlocks,
  awkwardCells,
  ctx,
  markdownLookalike,
  richNote,
  unicode,
} from '@/tests/fixtures/w3c/export-records';
import { markdownEntry, markdownHeader, markdownTagSection } from './markdown';

function quoteLines(entry: string): string[] {
  return entry.split('\n').filter((line) => line.startsWith('>'));
}

describe('Markdown export', () => {
  it('opens with the document title, the export date and the count', () => {
    expect(markdownHeader({ ...ctx, total: 3 })).toBe(
      '# Face Time\n\nExported from Marginalia on 2025-03-04 · 3 annotations.\n\n',
    );
    expect(markdownHeader({ ...ctx, documentTitle: '*Bold* claims', total: 1 })).toContain(
      '# \\*Bold\\* claims\n',
    );
    expect(markdownHeader({ ...ctx, total: 1 })).toContain('· 1 annotation.');
  });

  it('starts each tag group with a second-level heading and its count', () => {
    expect(markdownTagSection({ slug: 'claim', name: 'Claim' }, 4)).toBe('## Claim (4)\n\n');
    expect(markdownTagSection({ slug: 'x', name: '<Odd> tag' })).toBe('## \\<Odd\\> tag\n\n');
  });

  it('shows the quote as a block quote ending with its ¶ label linked to the paragraph', () => {
    const entry = markdownEntry(richNote, ctx);
    expect(
      entry.startsWith(
        '> the faces we show, "online", to others\n>\n> — [¶7](<https://marginalia.test/documents/face-time#p-7>)\n',
      ),
    ).toBe(true);
    expect(markdownEntry(richNote)).toContain('> — ¶7\n');
  });

  it('keeps each paragraph of a quote across blocks inside the block quote', () => {
    const lines = quoteLines(markdownEntry(acrossBlocks));
    expect(lines.slice(0, 3)).toEqual(['> end of seven.', '>', '> Start of eight']);
  });

  it('labels a passage across blocks with both paragraph numbers', () => {
    expect(markdownEntry(acrossBlocks)).toContain('> — ¶7–8');
    expect(markdownEntry(acrossBlocks, ctx)).toMatch(
      /> — \[¶7–8\]\(<https:\/\/marginalia\.test\/documents\/face-time#p-7>\)/,
    );
  });

  it('renders a formatted note as Markdown below the quote, and a plain note as text', () => {
    const rich = markdownEntry(richNote);
    expect(rich).toContain(
      'This is **the crux**, see [the source](https://example.org/source)\n\n- first point\n- second point',
    );
    expect(markdownEntry(unicode)).toContain('\n\n笔记：很好 👍\n\n');
  });

  it('writes the author, date, group or "private", and tags', () => {
    expect(markdownEntry(richNote)).toContain(
      '**Alice Martin** · 2025-02-01 · Seminar A, Tuesday · tags: claim',
    );
    expect(markdownEntry(awkwardCells)).toContain(
      '**@mallory** · 2025-02-01 · private · tags: evidence, framing',
    );
  });

  it('indents replies as a nested list, marking hidden ones', () => {
    const entry = markdownEntry(richNote);
    expect(entry).toContain(
      '2 replies:\n\n- **Bob** · 2025-02-02\n\n  Agreed, *strongly*\n\n  Second paragraph.\n\n',
    );
    expect(entry).toContain('- **Chen Wei** · 2025-02-02 · _hidden by a facilitator_\n\n  Off topic, hidden');
    expect(markdownEntry(unicode)).toContain('1 reply:\n\n- **李雷** · 2025-02-02\n\n  同意 ✅');
  });

  it('says when a passage was re-anchored or orphaned', () => {
    expect(markdownEntry(unicode)).toContain('_Re-anchored:');
    expect(markdownEntry(acrossBlocks)).toContain('_Orphaned:');
    expect(markdownEntry(richNote)).not.toMatch(/_(Re-anchored|Orphaned):/);
  });

  it('escapes Markdown syntax in quotes and notes so that they show as written', () => {
    const entry = markdownEntry(markdownLookalike);
    expect(quoteLines(entry).slice(0, 3)).toEqual([
      '> \\# Not a heading \\*really\\* \\[link\\](http://x) \\<b\\>bold\\</b\\>\\',
      '> \\- not a list\\',
      '> 1\\. nor this',
    ]);
    expect(entry).toContain('\n\\+ plus start\\\n\\> not a quote\n');
    expect(entry).not.toContain('<b>');
  });

  it('separates entries so that the next quote never joins the previous replies', () => {
    const entry = markdownEntry(richNote);
    expect(entry.endsWith('\n\n---\n\n')).toBe(true);
  });
});
