import { describe, expect, it } from 'vitest';
import { ArticleParseError, MAX_ARTICLE_BYTES, parseArticle, type ArticleFormat } from './index';

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArticleParseError) return error.code;
    throw error;
  }
  return 'parsed';
}

// Speed budgets live in `npm run bench`, not here: these tests prove the result, and
// that hostile input finishes at all (within the runner's time limit per test).
function timed<T>(fn: () => T): { result: T } {
  return { result: fn() };
}

/** Deterministic pseudo-random bytes, decoded the way a browser reads a file as text. */
function randomBytesAsText(length: number): string {
  const bytes = new Uint8Array(length);
  let seed = 42;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed >> 16;
  }
  return new TextDecoder().decode(bytes);
}

describe('size limits', () => {
  it('accepts exactly MAX_ARTICLE_BYTES and rejects one byte more, counting UTF-8 bytes', () => {
    const line = 'Word word word.\n\n';
    const body = line.repeat(Math.floor(MAX_ARTICLE_BYTES / line.length));
    const exact = body + 'x'.repeat(MAX_ARTICLE_BYTES - body.length);
    expect(errorCode(() => parseArticle(exact, 'text'))).toBe('parsed');
    expect(errorCode(() => parseArticle(`${exact}y`, 'text'))).toBe('TOO_LARGE');
    // 1.5 M characters, but 3 MB of UTF-8.
    expect(errorCode(() => parseArticle('é'.repeat(1_500_000), 'text'))).toBe('TOO_LARGE');
  });

  it('rejects 5 MB of text at once', () => {
    const huge = 'All work and no play. '.repeat(240_000);
    const { result } = timed(() => errorCode(() => parseArticle(huge, 'markdown')));
    expect(result).toBe('TOO_LARGE');
  });
});

describe('binary files read as text', () => {
  it('rejects NUL bytes, a PNG header and random bytes as BINARY', () => {
    const png = new TextDecoder().decode(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    );
    expect(errorCode(() => parseArticle(png, 'text'))).toBe('BINARY');
    expect(errorCode(() => parseArticle('Title\n\nText\u0000more', 'text'))).toBe('BINARY');
    expect(errorCode(() => parseArticle(randomBytesAsText(4096), 'html'))).toBe('BINARY');
    expect(errorCode(() => parseArticle('\u0001\u0002\u0003\u0004 some text'.repeat(50), 'text'))).toBe(
      'BINARY',
    );
  });

  it('accepts text with a few stray replacement characters', () => {
    const text = `Title\n\nA caf\uFFFD with a broken accent, in an otherwise fine paragraph of text.`;
    expect(errorCode(() => parseArticle(text, 'text'))).toBe('parsed');
  });
});

describe('pathological input stays fast', () => {
  const longLine = 'word '.repeat(20_000).trim(); // 100,000 characters

  it.each<ArticleFormat>(['text', 'markdown', 'html'])(
    'one 100,000-character line is one paragraph (%s)',
    (format) => {
      const { result } = timed(() => parseArticle(longLine, format));
      expect(result.blocks.map((b) => b.kind)).toEqual(['TITLE', 'PARAGRAPH']);
      expect(result.blocks[1].text).toBe(longLine);
      expect(result.title.length).toBeLessThanOrEqual(120);
    },
  );

  const cases: [string, string, ArticleFormat][] = [
    ['closing quotes', `Title\n\nx${'”'.repeat(100_000)}`, 'text'],
    ['photo credits', `Title\n\n${'(Photo '.repeat(20_000)}`, 'text'],
    ['bylines', `Title\n\n${'By By '.repeat(20_000)}`, 'text'],
    ['short lines', 'Line\n'.repeat(50_000), 'text'],
    ['blank lines', `Title${'\n \u00A0\t'.repeat(100_000)}\nText`, 'text'],
    ['asterisks', `${'*'.repeat(100_000)}a`, 'markdown'],
    ['unclosed strong', '**a'.repeat(30_000), 'markdown'],
    ['underscores', ' _a'.repeat(30_000), 'markdown'],
    ['open brackets', '['.repeat(100_000), 'markdown'],
    ['unclosed links', '[a]('.repeat(25_000), 'markdown'],
    ['image openers', '!['.repeat(50_000), 'markdown'],
    ['long destination', `[a](${'x'.repeat(100_000)}`, 'markdown'],
    ['backtick runs', Array.from({ length: 440 }, (_, i) => `${'`'.repeat(i + 1)}a`).join(''), 'markdown'],
    ['heading hashes', `# ${'#'.repeat(100_000)}a\n\ntext`, 'markdown'],
    ['nested quotes', `${'> '.repeat(50_000)}text`, 'markdown'],
    ['unclosed comments', '<!--'.repeat(25_000), 'markdown'],
    ['tag openers', '<a '.repeat(30_000), 'markdown'],
    ['ampersands', `${'&'.repeat(100_000)}a`, 'markdown'],
    ['less-than signs', `${'<'.repeat(100_000)}a`, 'html'],
    ['deep nesting', `${'<div>'.repeat(50_000)}text`, 'html'],
    ['deep inline nesting', `<p>${'<b>'.repeat(50_000)}text`, 'html'],
    ['stray closing tags', `<div>${'</span>'.repeat(50_000)}text`, 'html'],
    ['many attributes', `<p ${'a="b" '.repeat(50_000)}>text`, 'html'],
    ['many breaks', 'text<br>'.repeat(30_000), 'html'],
  ];

  it.each(cases)('%s', (_name, input, format) => {
    const { result } = timed(() => errorCode(() => parseArticle(input, format)));
    expect(['parsed', 'NO_TEXT']).toContain(result);
  });

  it('reports markup nested beyond any real page as unreadable', () => {
    expect(() => parseArticle(`${'<div>'.repeat(50_000)}text`, 'html')).toThrow(/nested too deeply/);
  });

  it.each<[string, ArticleFormat]>([
    ['Short paragraph number one.\n\n', 'text'],
    ['A line of text.\n', 'text'],
    ['- item with *em* and [a link](http://example.com)\n', 'markdown'],
    ['<p>Paragraph <b>with</b> markup.</p>\n', 'html'],
  ])('a 2 MB article made of %j parses in well under two seconds', (unit, format) => {
    const input = unit.repeat(Math.floor(MAX_ARTICLE_BYTES / unit.length));
    const { result } = timed(() => parseArticle(input, format));
    expect(result.blocks.length).toBeGreaterThan(30_000);
  });
});
