import { describe, expect, it } from 'vitest';
import { htmlToNote } from './html-to-note';
import { parseNote } from './note-schema';

const text = (t: string, ...marks: object[]) =>
  marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const para = (...content: object[]) => ({ type: 'paragraph', content });

/** The note as stored: normalised by the same check as the editor's notes. */
function note(html: string) {
  const parsed = parseNote(htmlToNote(html));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('htmlToNote', () => {
  it('keeps bold, italics, strike, code and links with their URLs', () => {
    const { doc } = note(
      '<p>A <strong>bold</strong> and <em>italic</em> <b><i>both</i></b>, <del>gone</del>, <code>x = 1</code> ' +
        'and <a href="https://example.org/a?b=1&amp;c=2">a link</a>.</p>',
    );
    expect(doc.content).toEqual([
      para(
        text('A '),
        text('bold', { type: 'bold' }),
        text(' and '),
        text('italic', { type: 'italic' }),
        text(' '),
        text('both', { type: 'bold' }, { type: 'italic' }),
        text(', '),
        text('gone', { type: 'strike' }),
        text(', '),
        text('x = 1', { type: 'code' }),
        text(' and '),
        text('a link', { type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }),
        text('.'),
      ),
    ]);
  });

  it('keeps bullet and numbered lists, nested lists and block quotes', () => {
    const { doc, text: plain } = note(
      '<ul><li>one</li><li>two<ol start="3"><li>three</li></ol></li></ul><blockquote><p>quoted</p></blockquote>',
    );
    expect(doc.content).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [para(text('one'))] },
          {
            type: 'listItem',
            content: [
              para(text('two')),
              {
                type: 'orderedList',
                attrs: { start: 3 },
                content: [{ type: 'listItem', content: [para(text('three'))] }],
              },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [para(text('quoted'))] },
    ]);
    expect(plain).toContain('one');
  });

  it('reads paragraphs, line breaks, headings and unknown elements as a reader sees them', () => {
    const { doc } = note('<h2>Title</h2>\n<div>first  line<br>\n second</div><p>   </p><span>third</span>');
    expect(doc.content).toEqual([
      para(text('Title', { type: 'bold' })),
      para(text('first line'), { type: 'hardBreak' }, text('second')),
      para(text('third')),
    ]);
  });

  it('drops scripts, styles, event handlers, images and addresses that are not allowed links', () => {
    const { doc } = note(
      '<p onclick="alert(1)">Hi<script>alert(2)</script><style>p{}</style>' +
        '<img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe>' +
        '<a href="javascript:alert(4)">click</a> <a href="/relative">rel</a> ' +
        '<a href=" java\tscript:alert(5)">tab</a><svg><a href="https://x.example">in svg</a></svg></p>',
    );
    expect(doc.content).toEqual([para(text('Hiclick rel tab'))]);
    expect(JSON.stringify(doc)).not.toMatch(/alert|script|svg|onerror/);
  });

  it('gives an empty note for markup without text, and survives hostile nesting', () => {
    expect(note('<p> </p><br><ul></ul>').doc).toEqual({ type: 'doc', content: [] });
    const deep = '<ul><li>'.repeat(2000) + 'deep' + '</li></ul>'.repeat(2000);
    expect(note(deep).text).toContain('deep');
    const quotes = '<blockquote>'.repeat(500) + 'inner' + '</blockquote>'.repeat(500);
    expect(note(quotes).text).toContain('inner');
    expect(note('<b>unclosed <i>marks <li>and items').text).toContain('unclosed marks');
  });

  it('removes NUL characters, which the database refuses', () => {
    expect(note('<p>a\u0000b</p>').doc.content).toEqual([para(text('ab'))]);
  });
});
