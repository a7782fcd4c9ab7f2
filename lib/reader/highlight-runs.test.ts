import { describe, expect, it } from 'vitest';
import {
  attentionCounts,
  attentionHtml,
  attentionTally,
  HIDDEN_RUN,
  markHtml,
  runLook,
  type HighlightRecord,
} from './highlight-runs';

const record = (
  id: string,
  author: string,
  tags: string[],
  local?: 'saving' | 'failed',
): HighlightRecord => ({
  id,
  start: { block: 'p-1', offset: 0 },
  end: { block: 'p-1', offset: 4 },
  tags,
  author: { id: author, name: author.toUpperCase() },
  group: null,
  local,
  target: { exact: '' },
  noteText: '',
});
const names = new Map([
  ['claim', 'Claim'],
  ['evidence', 'Evidence'],
  ['framing', 'Framing'],
]);

describe('runLook', () => {
  it('hides a run none of whose annotations is shown', () => {
    expect(runLook('text', [], 'me', names)).toBe(HIDDEN_RUN);
    expect(markHtml('a<b', HIDDEN_RUN)).toBe('<mark class="hl-off">a&lt;b</mark>');
  });

  it('describes one annotation by its author, without a count', () => {
    const look = runLook('text', [record('a', 'ada', ['claim'])], 'me', names);
    expect(look.className).toBe('hl u-claim');
    expect(look.attributes).toEqual({
      'data-tag1': 'claim',
      'data-ids': 'a',
      title: 'Claim · 1 annotation by ADA',
      'aria-label': 'text (Claim · 1 annotation by ADA)',
      role: 'button',
      tabindex: '0',
    });
  });

  it('counts overlaps, puts the reader’s own tag first, and leaves ids out past eight', () => {
    const shown = [record('a', 'ada', ['claim']), record('b', 'me', ['evidence', 'framing'], 'failed')];
    const look = runLook('t', shown, 'me', names);
    // the reader's own tag underlines; the others are bands, in the tags' order
    expect(look.className).toBe('hl u-evidence b-claim b-framing hl-2 hl-mine hl-unsaved');
    expect(look.attributes['data-tag1']).toBe('evidence');
    expect(look.attributes['data-tag2']).toBe('claim');
    expect(look.attributes['data-count']).toBe('2');
    expect(look.attributes.title).toBe('Claim, Evidence, Framing · 2 annotations · not saved');
    const many = Array.from({ length: 9 }, (_, i) => record(`x${i}`, 'ada', ['claim']));
    expect(runLook('t', many, 'me', names).attributes['data-ids']).toBeUndefined();
    expect(runLook('t', many.slice(0, 8), 'me', names).attributes['data-ids']).toBe(
      many
        .slice(0, 8)
        .map((r) => r.id)
        .join(' '),
    );
  });

  it('gives the same tags the same classes whatever order the annotations come in', () => {
    const a = record('a', 'ada', ['framing']);
    const b = record('b', 'bob', ['claim']);
    const c = record('c', 'cy', ['framing', 'evidence']);
    expect(runLook('t', [a, b, c], 'me', names).className).toBe('hl u-framing b-claim b-evidence hl-2');
    expect(runLook('t', [a, c, b], 'me', names).className).toBe('hl u-framing b-claim b-evidence hl-2');
  });

  it('draws overlaps in two steps and keeps the exact count in attributes and labels', () => {
    const five = Array.from({ length: 5 }, (_, i) => record(`x${i}`, 'ada', ['claim']));
    expect(runLook('t', five.slice(0, 4), 'me', names).className).toBe('hl u-claim hl-2');
    const look = runLook('t', five, 'me', names);
    expect(look.className).toBe('hl u-claim hl-5');
    expect(look.attributes['data-count']).toBe('5');
    expect(look.attributes['aria-label']).toBe('t (Claim · 5 annotations)');
  });

  it('looks the same when a filter changes only the count within a step, so nothing is restyled', () => {
    const many = Array.from({ length: 76 }, (_, i) => record(`x${i}`, 'ada', ['claim']));
    const all = runLook('t', many, 'me', names);
    const fewer = runLook('t', many.slice(0, 25), 'me', names);
    expect(fewer.className).toBe(all.className);
    expect(fewer.attributes['data-count']).toBe('25');
  });
});

describe('attention', () => {
  it('counts per tag where annotations start, labelled through attributes only', () => {
    const { counts, max } = attentionCounts([
      record('a', 'ada', ['claim']),
      record('b', 'bob', ['claim', 'evidence']),
    ]);
    expect(max).toBe(2);
    const html = attentionHtml(
      counts.get('p-1'),
      [...names].map(([slug, name]) => ({ slug, name })),
      max,
    );
    expect(html).toContain('aria-label="Attention: Claim: 2 annotations, Evidence: 1 annotation"');
    expect(html).toContain('data-label="Claim 2"');
    expect(html.replace(/<[^>]*>/g, '')).toBe('');
    expect(attentionHtml(undefined, [], 1)).toBe('');
  });

  it('recounts for each filter exactly what counting the shown annotations afresh gives', () => {
    const slugs = ['claim', 'evidence', 'framing', 'unknown'];
    const records = Array.from({ length: 300 }, (_, i) => ({
      ...record(`r${i}`, 'ada', [slugs[i % 4], ...(i % 7 === 0 ? [slugs[(i + 1) % 4]] : [])]),
      start: { block: `p-${i % 11}`, offset: 0 },
    }));
    const tally = attentionTally(records);
    for (const keep of [() => true, (i: number) => i % 3 === 0, () => false]) {
      const shown = new Set(records.filter((_, i) => keep(i)).map((r) => r.id));
      const naive = new Map<string, Map<string, number>>();
      let max = 1;
      for (const r of records.filter((x) => shown.has(x.id))) {
        const perTag = naive.get(r.start.block) ?? new Map<string, number>();
        for (const slug of r.tags) perTag.set(slug, (perTag.get(slug) ?? 0) + 1);
        for (const n of perTag.values()) max = Math.max(max, n);
        naive.set(r.start.block, perTag);
      }
      const counted = tally(shown);
      expect(counted.max).toBe(max);
      expect([...counted.counts].map(([b, m]) => [b, Object.fromEntries(m)]).sort()).toEqual(
        [...naive].map(([b, m]) => [b, Object.fromEntries(m)]).sort(),
      );
    }
  });
});
