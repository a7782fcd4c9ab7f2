import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { noteToHtml, plainTextToNote, type InlineNode, type NoteDoc, type NoteMark } from '@/lib/notes';

const t = (text: string, ...marks: NoteMark[]): InlineNode =>
  marks.length ? { type: 'text', text, marks } : { type: 'text', text };
const para = (...content: InlineNode[]): NoteDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content }],
});

const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 's', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'br']);

type HtmlNode = { type: string; name?: string; attribs?: Record<string, string>; children?: HtmlNode[] };

function collectTags(html: string): { name: string; attribs: Record<string, string> }[] {
  const tags: { name: string; attribs: Record<string, string> }[] = [];
  const walk = (nodes: HtmlNode[]) =>
    nodes.forEach((node) => {
      if (node.name) tags.push({ name: node.name, attribs: node.attribs ?? {} });
      walk(node.children ?? []);
    });
  walk(parseDocument(html).children as unknown as HtmlNode[]);
  return tags;
}

describe('noteToHtml', () => {
  it('renders the allow-listed structure', () => {
    const note: NoteDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            t('A '),
            t('b', { type: 'bold' }, { type: 'italic' }),
            { type: 'hardBreak' },
            t('c', { type: 'code' }),
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 2 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('two')] }] }],
        },
        {
          type: 'blockquote',
          content: [
            {
              type: 'paragraph',
              content: [t('q', { type: 'link', attrs: { href: 'https://a.example/?x=1&y=2' } })],
            },
          ],
        },
      ],
    };
    expect(noteToHtml(note)).toBe(
      '<p>A <strong><em>b</em></strong><br><code>c</code></p>' +
        '<ol start="2"><li><p>two</p></li></ol>' +
        '<blockquote><p><a href="https://a.example/?x=1&amp;y=2" rel="noopener noreferrer nofollow">q</a></p></blockquote>',
    );
  });

  it('escapes markup in text so it stays text', () => {
    const html = noteToHtml(para(t('<script>alert("x")</script> & <img src=x onerror=alert(1)> \'q\'')));
    expect(html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;q&#39;</p>',
    );
    expect(collectTags(html).map((tag) => tag.name)).toEqual(['p']);
  });

  it('cannot break out of the href attribute', () => {
    const html = noteToHtml(
      para(t('x', { type: 'link', attrs: { href: 'https://a.example/"onmouseover="alert(1)' } })),
    );
    const [, anchor] = collectTags(html);
    expect(anchor.name).toBe('a');
    expect(Object.keys(anchor.attribs).sort()).toEqual(['href', 'rel']);
    expect(anchor.attribs.href).toBe('https://a.example/"onmouseover="alert(1)');
  });

  it('drops links with disallowed addresses and unknown nodes, keeping text', () => {
    const tampered = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [t('evil', { type: 'link', attrs: { href: 'javascript:alert(1)' } })] },
        { type: 'script', content: [t('alert(1)')] },
      ],
    } as unknown as NoteDoc;
    expect(noteToHtml(tampered)).toBe('<p>evil</p>');
  });

  it('only ever produces allow-listed tags', () => {
    const html = noteToHtml(
      plainTextToNote('<iframe src="https://evil.example"></iframe>\n<b onclick="x">b</b>'),
    );
    expect(collectTags(html).every((tag) => ALLOWED_TAGS.has(tag.name))).toBe(true);
  });
});
