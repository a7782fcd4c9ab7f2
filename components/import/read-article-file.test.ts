import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectArticleBytes, pastedTextProblem, readArticleFile } from './read-article-file';

const encode = (text: string) => new TextEncoder().encode(text);

describe('reading an article file in the browser', () => {
  it('reads UTF-8 text, Windows-1252 text and UTF-16 text', () => {
    expect(inspectArticleBytes(encode('Title\n\nCafé “quotes”.'), 'a.txt')).toEqual({
      ok: true,
      text: 'Title\n\nCafé “quotes”.',
    });
    expect(
      inspectArticleBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]), 'old.txt'),
    ).toEqual({ ok: true, text: 'Café “q”' });
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('Hi there').flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(inspectArticleBytes(utf16, 'win.txt')).toEqual({ ok: true, text: 'Hi there' });
  });

  it('refuses a PNG renamed .txt, naming what it looks like', () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...deflateSync(Buffer.alloc(500, 7)),
    ]);
    expect(inspectArticleBytes(png, 'photo.txt')).toEqual({
      ok: false,
      message:
        'photo.txt is not a text file (it looks like a PNG image). Upload plain text (.txt), Markdown (.md) or HTML (.html).',
    });
  });

  it('refuses unknown binary data and empty files', () => {
    const noise = new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 151 + 7) % 256));
    expect(inspectArticleBytes(noise, 'data.md')).toMatchObject({
      ok: false,
      message: expect.stringContaining('binary data'),
    });
    expect(inspectArticleBytes(encode(' \n '), 'blank.txt')).toEqual({
      ok: false,
      message: 'blank.txt is empty.',
    });
  });

  it('refuses a file over 2 MB before reading it', async () => {
    let read = false;
    const file = {
      name: 'book.txt',
      size: 3 * 1024 * 1024,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    } as unknown as File;
    expect(await readArticleFile(file)).toEqual({
      ok: false,
      message:
        'book.txt is 3.0 MB. An article can be at most 2.0 MB: split it, or remove embedded images and data.',
    });
    expect(read).toBe(false);
  });

  it('flags pasted text over 2 MB', () => {
    expect(pastedTextProblem('short text')).toBeNull();
    expect(pastedTextProblem('x'.repeat(2 * 1024 * 1024 + 1))).toMatch(/^The text is 2\.0 MB/);
  });
});
