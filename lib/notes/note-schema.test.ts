import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_NOTE_JSON_BYTES, MAX_NOTE_TEXT, noteDocSchema, parseNote } from '@/lib/notes';

const text = (value: string, ...marks: unknown[]) =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });

function expectRejected(input: unknown, message: RegExp, path?: string) {
  const result = parseNote(input);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.message).toMatch(message);
  if (path !== undefined) expect(result.path).toBe(path);
}

describe('parseNote accepts what the editor writes', () => {
  it('keeps bold, italic, lists and links and gives the plain text', () => {
    const input = doc(
      p(
        text('A '),
        text('strong', { type: 'bold' }),
        text(' and '),
        text('subtle', { type: 'italic' }),
        text(' claim.'),
      ),
      { type: 'bulletList', content: [item(p(text('first'))), item(p(text('second')))] },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [item(p(text('one'))), item(p(text('two')))],
      },
      p(text('See '), text('the source', link('https://example.org/a?b=1#c'))),
    );
    expect(parseNote(input)).toEqual({
      ok: true,
      doc: doc(
        input.content[0],
        input.content[1],
        { type: 'orderedList', content: [item(p(text('one'))), item(p(text('two')))] },
        input.content[3],
      ),
      text: 'A strong and subtle claim.\n- first\n- second\n1. one\n2. two\nSee the source',
    });
  });

  it('drops attributes the note does not use, such as link target and rel', () => {
    const result = parseNote(
      doc({
        type: 'paragraph',
        attrs: { textAlign: null },
        content: [
          {
            type: 'text',
            text: 'site',
            marks: [
              {
                type: 'link',
                attrs: {
                  href: 'mailto:ada@example.org',
                  target: '_top',
                  rel: 'opener',
                  class: 'x',
                  title: null,
                },
              },
            ],
          },
        ],
      }),
    );
    expect(result.ok && result.doc).toEqual(doc(p(text('site', link('mailto:ada@example.org')))));
  });

  it('keeps a numbered list start other than 1', () => {
    const result = parseNote(
      doc({ type: 'orderedList', attrs: { start: 4 }, content: [item(p(text('four')))] }),
    );
    expect(result.ok && result.text).toBe('4. four');
    expect(result.ok && result.doc.content?.[0]).toMatchObject({ attrs: { start: 4 } });
  });

  it('accepts an empty document and a document without content', () => {
    expect(parseNote({ type: 'doc', content: [{ type: 'paragraph' }] })).toMatchObject({
      ok: true,
      text: '',
    });
    expect(parseNote({ type: 'doc' })).toEqual({ ok: true, doc: { type: 'doc', content: [] }, text: '' });
  });

  it('keeps one mark of each kind, in the order the editor writes them', () => {
    const result = parseNote(doc(p(text('x', { type: 'italic' }, { type: 'bold' }, { type: 'italic' }))));
    expect(result.ok && result.doc).toEqual(doc(p(text('x', { type: 'bold' }, { type: 'italic' }))));
  });
});

describe('parseNote rejects links that are not http, https or mailto', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['  javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/relative/path'],
    ['//evil.example'],
    ['example.org'],
    ['https:\\\\evil.example'],
    [' https://example.org'],
    ['vbscript:msgbox'],
    [''],
  ])('%j', (href) => {
    expectRejected(
      doc(p(text('click', link(href)))),
      /http:\/\/, https:\/\/ or mailto:/,
      'content.0.content.0.marks.0.attrs.href',
    );
  });

  it('rejects a link mark without an address', () => {
    expectRejected(doc(p(text('click', { type: 'link' }))), /address/);
  });
});

describe('parseNote rejects nodes and marks outside the allow-list', () => {
  it.each([
    [{ type: 'image', attrs: { src: 'https://example.org/x.png' } }, 'image'],
    [{ type: 'heading', attrs: { level: 1 }, content: [text('Title')] }, 'heading'],
    [{ type: '<script>', content: [] }, '<script>'],
    [{ type: 'codeBlock', content: [text('x')] }, 'codeBlock'],
  ])('names the unsupported node type %#', (node, type) => {
    expectRejected(doc(node), new RegExp(`Unsupported node type "${type}"`), 'content.0.type');
  });

  it('rejects an unsupported mark', () => {
    expectRejected(doc(p(text('x', { type: 'underline' }))), /Unsupported mark type "underline"/);
  });

  it('rejects a known node in the wrong place', () => {
    expectRejected(doc(text('loose text')), /"text" node cannot appear inside the document/);
    expectRejected(
      doc({ type: 'bulletList', content: [p(text('x'))] }),
      /"paragraph" node cannot appear inside a list/,
    );
    expectRejected(doc(p(p(text('x')))), /cannot appear inside a paragraph/);
  });

  it('rejects attributes whose values are objects', () => {
    expectRejected(
      doc({ type: 'paragraph', attrs: { style: { color: 'red' } }, content: [text('x')] }),
      /Attribute "style" must be a string, number, boolean or null/,
      'content.0.attrs.style',
    );
  });

  it('rejects empty text, empty lists and list items that do not start with a paragraph', () => {
    expectRejected(doc(p({ type: 'text', text: '' })), /non-empty text/);
    expectRejected(doc({ type: 'bulletList', content: [] }), /at least one item/);
    expectRejected(
      doc({ type: 'bulletList', content: [item({ type: 'bulletList', content: [item(p(text('x')))] })] }),
      /start with a paragraph/,
    );
  });

  it('rejects input that is not a document', () => {
    expectRejected('plain text', /Tiptap document/);
    expectRejected(null, /Tiptap document/);
    expectRejected({ type: 'paragraph' }, /Tiptap document/);
  });

  it('rejects text the database could not store', () => {
    expectRejected(doc(p(text('a\u0000b'))), /NUL/);
  });
});

describe('parseNote limits size and depth', () => {
  it('accepts text up to the limit and rejects one character more', () => {
    expect(parseNote(doc(p(text('a'.repeat(MAX_NOTE_TEXT))))).ok).toBe(true);
    expectRejected(
      doc(p(text('a'.repeat(MAX_NOTE_TEXT + 1)))),
      /too long \(10,001 characters; the limit is 10,000\)/,
    );
  });

  it('counts an emoji as one character', () => {
    expect(parseNote(doc(p(text('😀'.repeat(MAX_NOTE_TEXT))))).ok).toBe(true);
  });

  it('rejects JSON over the byte limit even when the text is short', () => {
    const runs = Array.from({ length: 2000 }, (_, i) =>
      text(String(i % 10), { type: i % 2 ? 'bold' : 'italic' }),
    );
    expect(JSON.stringify(doc(p(...runs))).length).toBeGreaterThan(MAX_NOTE_JSON_BYTES);
    expectRejected(doc(p(...runs)), /too large/);
  });

  it('counts bytes, not UTF-16 units', () => {
    // 9,000 emoji: under the text limit, and under the byte limit in UTF-16 units but not in UTF-8.
    const runs = Array.from({ length: 450 }, () => text('😀'.repeat(20), { type: 'bold' }));
    expect(JSON.stringify(doc(p(...runs))).length).toBeLessThan(MAX_NOTE_JSON_BYTES);
    expectRejected(doc(p(...runs)), /too large/);
  });

  it('rejects nesting deeper than 20 levels with a clear message', () => {
    let node: unknown = p(text('deep'));
    for (let i = 0; i < 25; i++) node = { type: 'blockquote', content: [node] };
    expectRejected(doc(node), /nested too deeply \(more than 20 levels\)/);
  });

  it('accepts lists nested a few levels deep', () => {
    let list: unknown = { type: 'bulletList', content: [item(p(text('leaf')))] };
    for (let i = 0; i < 5; i++) list = { type: 'bulletList', content: [item(p(text(`level ${i}`)), list)] };
    expect(parseNote(doc(list)).ok).toBe(true);
  });

  it('does not stack-overflow on absurdly deep input', () => {
    let node: unknown = p(text('x'));
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expectRejected(doc(node), /not valid JSON|nested too deeply/);
  });

  it('can skip the size limits for a draft being edited', () => {
    const result = parseNote(doc(p(text('a'.repeat(MAX_NOTE_TEXT + 5)))), { checkSize: false });
    expect(result.ok && result.text.length).toBe(MAX_NOTE_TEXT + 5);
  });
});

describe('parseNote names what it checks', () => {
  it('speaks of a note by default and of a reply when asked', () => {
    const long = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(MAX_NOTE_TEXT + 1) }] }],
    };
    expect(parseNote({ type: 'nope' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^A note must be/),
    });
    expect(parseNote({ type: 'nope' }, { subject: 'reply' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^A reply must be a Tiptap document/),
    });
    expect(parseNote(long, { subject: 'reply' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The reply is too long/),
    });
  });
});

describe('noteDocSchema', () => {
  it('parses inside a request body to the normalised document', () => {
    const body = z.object({ note: noteDocSchema.optional() });
    const parsed = body.parse({
      note: doc(p(text('x', { type: 'link', attrs: { href: 'https://a.example', target: '_blank' } }))),
    });
    expect(parsed.note).toEqual(doc(p(text('x', link('https://a.example')))));
  });

  it('reports the problem at its path within the body', () => {
    const body = z.object({ note: noteDocSchema });
    const result = body.safeParse({ note: doc(p(text('x')), { type: 'image' }) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['note', 'content', 1, 'type'],
      message: 'Unsupported node type "image"',
    });
  });
});
