import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GET as listDocuments, POST as importDocument } from '@/app/api/v1/documents/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { call, signUp, type TestUser } from '../support/api';

type Block = { anchor: string; kind: string; text: string };

async function blocksOf(user: TestUser, slug: string): Promise<Block[]> {
  const res = await call(getDocument, 'GET', `/api/v1/documents/${slug}`, { user, params: { id: slug } });
  expect(res.status).toBe(200);
  return res.json.blocks;
}

async function documentCount(user: TestUser): Promise<number> {
  const list = await call(listDocuments, 'GET', '/api/v1/documents', { user });
  return list.json.documents.length;
}

function importAs(user: TestUser | null, body: unknown, query?: Record<string, string>) {
  return call(importDocument, 'POST', '/api/v1/documents', { user, body, query });
}

/** The bytes of a real (tiny) PNG image, as a browser's file reader would hand them over as text. */
function pngAsText(): string {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(64, 0);
  header.writeUInt32BE(64, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.from(Array.from({ length: 64 * 257 }, (_, i) => (i * 73) % 256)));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png.toString('utf8');
}

describe('importing an article', () => {
  it('imports pasted plain text and shows it with its title, byline and numbered paragraphs', async () => {
    const ada = await signUp('Ada');
    const text =
      'Reading Slowly\n\nBy Ada Lovelace\n\nThe first paragraph says something worth reading twice.\n\nThe second paragraph answers it, at some length and with care.';
    const res = await importAs(ada, { text, format: 'text' });
    expect(res.status).toBe(201);
    expect(res.json.document).toMatchObject({
      slug: 'reading-slowly',
      title: 'Reading Slowly',
      version: 1,
      paragraphs: 2,
    });
    const blocks = await blocksOf(ada, 'reading-slowly');
    expect(blocks.map((b) => [b.kind, b.anchor])).toEqual([
      ['TITLE', 'title'],
      ['BYLINE', 'byline'],
      ['PARAGRAPH', 'p-1'],
      ['PARAGRAPH', 'p-2'],
    ]);
    const list = await call(listDocuments, 'GET', '/api/v1/documents', { user: ada });
    expect(list.json.documents.map((d: { slug: string }) => d.slug)).toContain('reading-slowly');
  });

  it('imports Markdown: headings become headings, inline markup is dropped', async () => {
    const ada = await signUp('Ada');
    const text =
      '# Notes on *Attention*\n\nA first paragraph with a [link](https://example.org) and **bold** words.\n\n## Second part\n\nMore text here.';
    const res = await importAs(ada, { text, format: 'markdown' });
    expect(res.status).toBe(201);
    const blocks = await blocksOf(ada, res.json.document.slug);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['TITLE', 'Notes on Attention'],
      ['PARAGRAPH', 'A first paragraph with a link and bold words.'],
      ['HEADING', 'Second part'],
      ['PARAGRAPH', 'More text here.'],
    ]);
  });

  it('imports HTML as text only: scripts, styles, event handlers and navigation are gone', async () => {
    const ada = await signUp('Ada');
    const html = `<!doctype html><html><head><title>Site | Hostile Page</title><style>body{color:red}</style>
      <script>window.stolen = document.cookie</script></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Hostile Page</h1>
      <p onclick="alert('x')">First paragraph <img src=x onerror="alert(1)"> with <b>bold</b> text.</p>
      <script>alert('inline')</script>
      <p>Second &amp; last paragraph <a href="javascript:alert(2)">link</a>.</p></article>
      <footer>Copyright footer</footer></body></html>`;
    const res = await importAs(ada, { text: html });
    expect(res.status).toBe(201);
    const blocks = await blocksOf(ada, res.json.document.slug);
    const all = blocks.map((b) => b.text).join('\n');
    expect(blocks[0]).toMatchObject({ kind: 'TITLE', text: 'Hostile Page' });
    expect(blocks.filter((b) => b.kind === 'PARAGRAPH').map((b) => b.text)).toEqual([
      'First paragraph with bold text.',
      'Second & last paragraph link.',
    ]);
    for (const gone of ['alert', 'onclick', 'onerror', 'stolen', 'color:red', 'javascript', '<', 'News'])
      expect(all).not.toContain(gone);
  });

  it('previews without saving, and saves the blocks as corrected in the preview', async () => {
    const ada = await signUp('Ada');
    const before = await documentCount(ada);
    const text =
      'Draft Title\n\nMenu Home Sport\n\nA paragraph of real article text that is long enough to read.\n\nPhoto: a harbour at dawn.';
    const preview = await importAs(ada, { text }, { preview: '1' });
    expect(preview.status).toBe(200);
    expect(preview.json.format).toBe('text');
    expect(preview.json.title).toBe('Draft Title');
    expect(preview.json.blocks[0]).toEqual({ kind: 'TITLE', anchor: 'title', text: 'Draft Title' });
    expect(await documentCount(ada)).toBe(before);

    // The reader renames the article, leaves out the menu line and marks the photo line as a caption.
    const corrected = preview.json.blocks
      .filter((b: Block) => !b.text.startsWith('Menu'))
      .map((b: Block) => ({ kind: b.text.startsWith('Photo') ? 'CAPTION' : b.kind, text: b.text }));
    const saved = await importAs(ada, { text, format: 'text', title: 'A Better Title', blocks: corrected });
    expect(saved.status).toBe(201);
    expect(saved.json.document).toMatchObject({ slug: 'a-better-title', title: 'A Better Title' });
    const blocks = await blocksOf(ada, 'a-better-title');
    expect(blocks.map((b) => [b.kind, b.anchor, b.text])).toEqual([
      ['TITLE', 'title', 'A Better Title'],
      ['PARAGRAPH', 'p-1', 'A paragraph of real article text that is long enough to read.'],
      ['CAPTION', 'c-1', 'Photo: a harbour at dawn.'],
    ]);
  });

  it('gives a second article with the same title its own address', async () => {
    const ada = await signUp('Ada');
    const text = 'Twice Told\n\nSome paragraph text.';
    const first = await importAs(ada, { text, format: 'text' });
    const second = await importAs(ada, { text: `${text}\n\nAnother paragraph.`, format: 'text' });
    expect([first.json.document.slug, second.json.document.slug]).toEqual(['twice-told', 'twice-told-2']);
  });

  it('refuses an empty article with a message that says what to do', async () => {
    const ada = await signUp('Ada');
    const res = await importAs(ada, { text: '  \n\n ', format: 'text' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The article is empty. Paste or upload some text.',
    });
    expect(res.json.error.fields.text).toMatch(/empty/);
    const missing = await importAs(ada, { format: 'text' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields.text).toBe('Paste or upload the article text.');
  });

  it('refuses an image read as text', async () => {
    const ada = await signUp('Ada');
    const res = await importAs(ada, { text: pngAsText(), format: 'text' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/does not look like text/);
  });

  it('refuses an article over 2 MB with a readable message, however large the upload', async () => {
    const ada = await signUp('Ada');
    const before = await documentCount(ada);
    const paragraph = 'A sentence of ordinary prose that repeats to fill a very long article. '.repeat(20);
    const threeMb = `Big\n\n${`${paragraph}\n\n`.repeat(Math.ceil((3 * 1024 * 1024) / paragraph.length))}`;
    const res = await importAs(ada, { text: threeMb, format: 'text' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('The article is larger than 2 MB. Split it or remove embedded data.');

    const huge = await importAs(ada, { text: threeMb.repeat(3), format: 'text' });
    expect(huge.status).toBe(413);
    expect(huge.json.error.message).toBe(
      'The article is larger than 2 MB. Split it or remove embedded data.',
    );
    expect(await documentCount(ada)).toBe(before);
  });

  it('explains a wrong format and a wrong block kind field by field', async () => {
    const ada = await signUp('Ada');
    const res = await importAs(ada, {
      text: 'Title\n\nText.',
      format: 'pdf',
      blocks: [{ kind: 'SIDEBAR', text: 'x' }],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toMatchObject({
      format: 'Choose plain text, Markdown or HTML.',
      'blocks.0.kind': expect.stringMatching(/paragraph/),
    });
  });

  it('needs a signed-in reader', async () => {
    const res = await importAs(null, { text: 'Title\n\nText.', format: 'text' });
    expect(res.status).toBe(401);
  });
});
