import { describe, expect, it } from 'vitest';
import {
  attentionCounts,
  attentionHtml,
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
    expect(look.className).toBe('hl');
    expect(look.attributes).toEqual({
      'data-tag1': 'claim',
      'data-tags': 'claim',
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
    expect(look.className).toBe('hl hl-mine hl-unsaved');
    expect(look.attributes['data-tag1']).toBe('evidence');
    expect(look.attributes['data-tag2']).toBe('claim');
    expect(look.attributes['data-tags']).toBe('claim evidence framing');
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
});
