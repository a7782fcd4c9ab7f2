import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { NoteDoc } from '@/lib/notes';
import { NoteView } from './note-view';

// Server rendering only: no DOM needed. Interaction is covered by the e2e suite.
const render = (doc: NoteDoc | null, className?: string) =>
  renderToStaticMarkup(createElement(NoteView, { doc, className }));

describe('NoteView', () => {
  it('renders formatting as elements and links that open safely', () => {
    const html = render(
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
              { type: 'hardBreak' },
              {
                type: 'text',
                text: 'site',
                marks: [{ type: 'link', attrs: { href: 'https://example.org' } }],
              },
            ],
          },
          {
            type: 'orderedList',
            attrs: { start: 2 },
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }],
              },
            ],
          },
        ],
      },
      'extra',
    );
    expect(html).toBe(
      '<div class="note-view extra"><p><strong>bold</strong><br/>' +
        '<a href="https://example.org" target="_blank" rel="noopener noreferrer nofollow">site</a></p>' +
        '<ol start="2"><li><p>two</p></li></ol></div>',
    );
  });

  it('escapes text and drops links and nodes that are not allowed', () => {
    const tampered = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: '<script>x</script>',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
        { type: 'image', attrs: { src: 'x' } },
      ],
    } as unknown as NoteDoc;
    expect(render(tampered)).toBe('<div class="note-view"><p>&lt;script&gt;x&lt;/script&gt;</p></div>');
  });

  it('renders nothing for a missing or empty note', () => {
    expect(render(null)).toBe('');
    expect(render({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });
});
