import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleParseError, detectFormat, parseArticle, type ParsedArticle } from './index';

const sample = readFileSync(new URL('./fixtures/face-time.txt', import.meta.url), 'utf8');

function countKinds(article: ParsedArticle): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const block of article.blocks) counts[block.kind] = (counts[block.kind] ?? 0) + 1;
  return counts;
}

function byAnchor(article: ParsedArticle, anchor: string): string | undefined {
  return article.blocks.find((b) => b.anchor === anchor)?.text;
}

describe('the sample article (face-time.txt as plain text)', () => {
  const article = parseArticle(sample, 'text');

  it('has the exact block counts by kind', () => {
    expect(article.blocks).toHaveLength(32);
    expect(countKinds(article)).toEqual({
      TITLE: 1,
      STANDFIRST: 1,
      BYLINE: 1,
      HEADING: 3,
      PARAGRAPH: 24,
      CAPTION: 2,
    });
  });

  it('drops the page furniture around the article', () => {
    const texts = article.blocks.map((b) => b.text);
    expect(texts).not.toContain('Old Version');
    expect(texts).not.toContain('International');
    expect(texts).not.toContain('Print');
  });

  it('opens with title, standfirst and byline', () => {
    expect(article.title).toBe('Face Time');
    expect(article.blocks.slice(0, 3)).toEqual([
      { kind: 'TITLE', anchor: 'title', text: 'Face Time' },
      {
        kind: 'STANDFIRST',
        anchor: 'standfirst',
        text: 'Given the military asymmetry and lack of mutual trust between China and the US, China will only engage in military exchanges with the US on its own terms',
      },
      { kind: 'BYLINE', anchor: 'byline', text: 'By Hu Bo Updated Dec.1' },
    ]);
  });

  it('finds the three section headings, trimmed of their no-break spaces', () => {
    const headings = article.blocks.filter((b) => b.kind === 'HEADING');
    expect(headings).toEqual([
      { kind: 'HEADING', anchor: 'h-1', text: 'Military Asymmetry' },
      { kind: 'HEADING', anchor: 'h-2', text: '‘Dialogue is Futile’' },
      { kind: 'HEADING', anchor: 'h-3', text: 'Process Over Result' },
    ]);
  });

  it('numbers paragraphs in reading order, ¶1 = p-1', () => {
    const paragraphs = article.blocks.filter((b) => b.kind === 'PARAGRAPH');
    expect(paragraphs.map((p) => p.anchor)).toEqual(Array.from({ length: 24 }, (_, i) => `p-${i + 1}`));
    expect(byAnchor(article, 'p-1')).toMatch(
      /^On August 3, Senior Colonel Wu Qian, spokesperson for China’s Ministry/,
    );
    expect(byAnchor(article, 'p-7')).toMatch(/^Since the end of the Cold War, the three major barriers/);
    expect(byAnchor(article, 'p-24')).toMatch(
      /hostile political environment for China-US military exchanges\.$/,
    );
  });

  it('puts each heading directly before the paragraph it introduced', () => {
    const index = article.blocks.findIndex((b) => b.anchor === 'h-2');
    expect(article.blocks[index + 1].text).toMatch(/^Thanks to a series of actions/);
  });

  it('recognises the two photo captions at the end', () => {
    const captions = article.blocks.filter((b) => b.kind === 'CAPTION');
    expect(captions.map((c) => c.anchor)).toEqual(['c-1', 'c-2']);
    expect(captions[1].text).toBe(
      'The Eastern Theater Command of the Chinese People’s Liberation Army conducts a joint naval and air drill around Taiwan, August 19, 2023 (Photo by VCG)',
    );
    expect(article.blocks.at(-1)?.kind).toBe('CAPTION');
  });

  it('keeps curly quotes and trims trailing spaces and no-break spaces', () => {
    expect(byAnchor(article, 'p-2')).toContain(
      'the new “ballast stone” or the “stabilizer” in China-US relations.',
    );
    expect(byAnchor(article, 'p-16')).toMatch(/bilateral relationship\.$/);
    for (const block of article.blocks) {
      expect(block.text).toBe(block.text.trim());
      expect(block.text).not.toMatch(/\n/);
    }
  });

  it('parses the same with Windows line endings and a byte-order mark', () => {
    const windows = parseArticle(`\uFEFF${sample.replace(/\n/g, '\r\n')}`, 'text');
    expect(windows).toEqual(article);
  });

  it('gives every block a unique anchor', () => {
    const anchors = article.blocks.map((b) => b.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });
});

describe('plain text', () => {
  it('treats blank-line separated blocks as paragraphs and joins hard-wrapped lines', () => {
    const text = [
      'A Short Title',
      '',
      'This paragraph was wrapped at a fixed width by an editor so',
      'its lines break in the middle of sentences, which the importer',
      'must join back together into one paragraph.',
      '',
      'A second paragraph, well-',
      'known for its hyphenation.',
    ].join('\n');
    const article = parseArticle(text, 'text');
    expect(article.blocks.map((b) => [b.anchor, b.text])).toEqual([
      ['title', 'A Short Title'],
      [
        'p-1',
        'This paragraph was wrapped at a fixed width by an editor so its lines break in the middle of sentences, which the importer must join back together into one paragraph.',
      ],
      ['p-2', 'A second paragraph, well-known for its hyphenation.'],
    ]);
  });

  it('reads text with no blank lines as one paragraph per line', () => {
    const text = [
      'Face Time',
      'By Hu Bo',
      'The first paragraph is a full sentence that ends with a full stop.',
      'The second paragraph also ends properly.',
      'Military Asymmetry',
      'The third paragraph follows a heading and is long enough to be body text.',
    ].join('\n');
    const article = parseArticle(text, 'text');
    expect(article.blocks.map((b) => `${b.anchor}:${b.kind}`)).toEqual([
      'title:TITLE',
      'byline:BYLINE',
      'p-1:PARAGRAPH',
      'p-2:PARAGRAPH',
      'h-1:HEADING',
      'p-3:PARAGRAPH',
    ]);
  });

  it('does not take a short closing line for a heading', () => {
    const article = parseArticle('Title\n\nBody text that ends here.\n\nThe End', 'text');
    expect(article.blocks.at(-1)).toEqual({ kind: 'PARAGRAPH', anchor: 'p-2', text: 'The End' });
  });

  it('does not mistake a paragraph beginning with "By" for a byline', () => {
    const article = parseArticle('Title\n\nBy Friday, the troops had left.\n\nMore text.', 'text');
    expect(article.blocks.map((b) => b.kind)).toEqual(['TITLE', 'PARAGRAPH', 'PARAGRAPH']);
  });

  it('drops "Advertisement" interruptions inside the text', () => {
    const article = parseArticle('Title\n\nOne.\n\nAdvertisement\n\nTwo.', 'text');
    expect(article.blocks.map((b) => b.text)).toEqual(['Title', 'One.', 'Two.']);
  });

  it('drops ornamental section breaks and invisible characters', () => {
    const article = parseArticle('Title\n\nOne.\n\n* * *\n\n\u200B\n\n—\n\nTwo.', 'text');
    expect(article.blocks.map((b) => b.text)).toEqual(['Title', 'One.', 'Two.']);
  });

  it('recognises other caption credit styles', () => {
    const text =
      'Title\n\nBody.\n\nPhoto: Soldiers on parade.\n\nThe fleet leaves port. Photo by Jane Doe\n\nEnd.';
    const article = parseArticle(text, 'text');
    expect(article.blocks.map((b) => b.kind)).toEqual([
      'TITLE',
      'PARAGRAPH',
      'CAPTION',
      'CAPTION',
      'PARAGRAPH',
    ]);
  });

  it('without a detectable title uses opts.title, keeping all the text', () => {
    const text = 'This article starts straight away with a sentence.\n\nAnd goes on.';
    const article = parseArticle(text, 'text', { title: 'Week 3 reading' });
    expect(article.title).toBe('Week 3 reading');
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['TITLE', 'Week 3 reading'],
      ['PARAGRAPH', 'This article starts straight away with a sentence.'],
      ['PARAGRAPH', 'And goes on.'],
    ]);
  });

  it('without a title or opts.title uses the first line, cut to 120 characters', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const article = parseArticle(`${words}.`, 'text');
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.title).toMatch(/^word0 word1 .*…$/);
    expect(article.blocks[0]).toEqual({ kind: 'TITLE', anchor: 'title', text: article.title });
    expect(article.blocks[1]).toEqual({ kind: 'PARAGRAPH', anchor: 'p-1', text: `${words}.` });
  });

  it('prefers the title the text carries over opts.title', () => {
    expect(parseArticle(sample, 'text', { title: 'Other' }).title).toBe('Face Time');
  });

  it('keeps a one-line text as a paragraph under a title made from it', () => {
    const article = parseArticle('Hello', 'text');
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['TITLE', 'Hello'],
      ['PARAGRAPH', 'Hello'],
    ]);
  });
});

describe('input that is not an article', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ArticleParseError);
      return (error as ArticleParseError).code;
    }
    return 'no error';
  };

  it('rejects empty and whitespace-only input as EMPTY', () => {
    expect(codeOf(() => parseArticle('', 'text'))).toBe('EMPTY');
    expect(codeOf(() => parseArticle(' \n\t\u00A0\r\n ', 'markdown'))).toBe('EMPTY');
  });

  it('rejects text made only of page furniture as NO_TEXT', () => {
    expect(codeOf(() => parseArticle('Old Version\nInternational\n\nPrint', 'text'))).toBe('NO_TEXT');
  });

  it('gives a message fit to show the person importing', () => {
    const error = new ArticleParseError('TOO_LARGE');
    expect(error.message).toMatch(/2 MB/);
    expect(error.name).toBe('ArticleParseError');
  });
});

describe('detectFormat', () => {
  it('trusts the file extension', () => {
    expect(detectFormat('notes.MD', '<p>x</p>')).toBe('markdown');
    expect(detectFormat('page.htm', '# x')).toBe('html');
    expect(detectFormat('face-time.txt', '# x')).toBe('text');
  });

  it('sniffs HTML, Markdown and plain text when there is no usable name', () => {
    expect(detectFormat(undefined, '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat('paste', 'Intro<br>more</p> text </p>')).toBe('html');
    expect(detectFormat(undefined, '# Title\n\nSome *text*.')).toBe('markdown');
    expect(detectFormat(undefined, 'See [one](http://a.example) and [two](http://b.example).')).toBe(
      'markdown',
    );
    expect(detectFormat(undefined, sample)).toBe('text');
  });
});
