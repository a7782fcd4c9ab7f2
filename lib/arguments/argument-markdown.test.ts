import { describe, expect, it } from 'vitest';
import { argumentMarkdown } from './argument-markdown';
import { buildArgumentView, type ArgumentAnnotation } from './build-argument-view';

const a = (id: string, paragraph: number, tags: string[], exact: string): ArgumentAnnotation => ({
  id,
  tags,
  exact,
  paragraph,
  anchor: `p-${paragraph}`,
  authorName: 'Ada',
});

describe('argumentMarkdown', () => {
  it('writes one escaped line per claim, then the discussion prompts', () => {
    const view = buildArgumentView(
      [
        a('c', 3, ['claim'], 'Talks *restart*'),
        a('e', 7, ['evidence'], 'Fiji meeting'),
        a('x', 9, ['evidence'], 'Unlinked'),
        a('c2', 11, ['claim'], 'Another'),
      ],
      [{ id: 'l', fromId: 'e', toId: 'c', relation: 'supports', note: '' }],
    );
    expect(argumentMarkdown(view)).toBe(
      [
        '## Argument',
        '',
        '- Claim ¶3 “Talks \\*restart\\*”: supported by ¶7 “Fiji meeting”.',
        '- Claim ¶11 “Another”: nothing linked yet.',
        '',
        '### Evidence no one has linked',
        '',
        '- ¶9 “Unlinked”',
        '',
        '### Claims nothing supports',
        '',
        '- ¶11 “Another”',
        '',
        '',
      ].join('\n'),
    );
  });

  it('adds nothing to an export without links', () => {
    expect(argumentMarkdown(buildArgumentView([a('c', 3, ['claim'], 'x')], []))).toBe('');
  });
});
