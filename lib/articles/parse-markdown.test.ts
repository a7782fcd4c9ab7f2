import { describe, expect, it } from 'vitest';
import { ArticleParseError, parseArticle } from './index';

const rows = (markdown: string) =>
  parseArticle(markdown, 'markdown').blocks.map((b) => `${b.anchor} ${b.kind} ${b.text}`);

describe('Markdown import', () => {
  it('takes the first level-1 heading as the title and deeper ones as headings', () => {
    expect(
      rows('# Face Time\n\n## Military Asymmetry\n\nText.\n\n### Detail\n\nMore.\n\n# Second h1\n\nEnd.'),
    ).toEqual([
      'title TITLE Face Time',
      'h-1 HEADING Military Asymmetry',
      'p-1 PARAGRAPH Text.',
      'h-2 HEADING Detail',
      'p-2 PARAGRAPH More.',
      'h-3 HEADING Second h1',
      'p-3 PARAGRAPH End.',
    ]);
  });

  it('reads setext headings, closing hashes, and front matter', () => {
    expect(
      rows(
        '---\ntitle: "Ignored while an h1 exists"\n---\nFace Time\n=========\n\n## Section ##\n\nSub\n---\n\nText.',
      ),
    ).toEqual(['title TITLE Face Time', 'h-1 HEADING Section', 'h-2 HEADING Sub', 'p-1 PARAGRAPH Text.']);
    expect(rows('---\ntitle: From Front Matter\ndate: 2023-12-01\n---\n\nJust text.')).toEqual([
      'title TITLE From Front Matter',
      'p-1 PARAGRAPH Just text.',
    ]);
  });

  it('joins soft-wrapped lines into one paragraph', () => {
    expect(rows('# T\n\nSince the end of the Cold War,\nthe three barriers\nwere arms sales.')).toEqual([
      'title TITLE T',
      'p-1 PARAGRAPH Since the end of the Cold War, the three barriers were arms sales.',
    ]);
  });

  it('strips inline markup but keeps the words', () => {
    const md = [
      '# *Face* Time',
      '',
      'Given the **military** asymmetry, [China](https://example.com/a_(b) "t") will `engage_on` its ~~old~~ _own_ terms.',
      '',
      'Keeps snake_case_names, 5 * 3 = 15, \\*escaped stars\\*, AT&amp;T, <b>bold</b> and <https://example.com/x>.',
    ].join('\n');
    expect(rows(md)).toEqual([
      'title TITLE Face Time',
      'p-1 PARAGRAPH Given the military asymmetry, China will engage_on its old own terms.',
      'p-2 PARAGRAPH Keeps snake_case_names, 5 * 3 = 15, *escaped stars*, AT&T, bold and https://example.com/x.',
    ]);
  });

  it('makes each list item a paragraph, with continuation lines and task boxes', () => {
    expect(
      rows('# T\n\n- first item\n- [x] second item\n  continued here\n1. numbered\n2) other style\n+ plus'),
    ).toEqual([
      'title TITLE T',
      'p-1 PARAGRAPH first item',
      'p-2 PARAGRAPH second item continued here',
      'p-3 PARAGRAPH numbered',
      'p-4 PARAGRAPH other style',
      'p-5 PARAGRAPH plus',
    ]);
  });

  it('keeps quotes and code as text, dropping markers and fences', () => {
    expect(
      rows(
        '# T\n\n> A quoted paragraph\n> over two lines.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter.',
      ),
    ).toEqual([
      'title TITLE T',
      'p-1 PARAGRAPH A quoted paragraph over two lines.',
      'p-2 PARAGRAPH const a = 1;\nconst b = 2;',
      'p-3 PARAGRAPH After.',
    ]);
  });

  it('turns a lone image into a caption, preferring the emphasised line under it', () => {
    const md = [
      '# T',
      '',
      'Body.',
      '',
      '![Soldiers on parade](parade.png)',
      '*Soldiers parade in Beijing (Photo by VCG)*',
      '',
      '![A harbour at dawn](harbour.jpg)',
      '',
      '![](decorative.png)',
      '',
      'End.',
    ].join('\n');
    expect(rows(md)).toEqual([
      'title TITLE T',
      'p-1 PARAGRAPH Body.',
      'c-1 CAPTION Soldiers parade in Beijing (Photo by VCG)',
      'c-2 CAPTION A harbour at dawn',
      'p-2 PARAGRAPH End.',
    ]);
  });

  it('drops thematic breaks and link definitions; reads table rows as lines', () => {
    expect(
      rows(
        '# T\n\nOne.\n\n* * *\n\n| Year | Event |\n|---|:---:|\n| 2022 | Visit |\n\n[ref]: https://example.com\n\nTwo.',
      ),
    ).toEqual([
      'title TITLE T',
      'p-1 PARAGRAPH One.',
      'p-2 PARAGRAPH Year | Event',
      'p-3 PARAGRAPH 2022 | Visit',
      'p-4 PARAGRAPH Two.',
    ]);
  });

  it('finds byline, standfirst and captions as in plain text', () => {
    const md =
      '# Face Time\n\nGiven the asymmetry, China engages on its own terms\n\n*By Hu Bo*\n\nBody.\n\nA drill (Photo by VCG)';
    expect(rows(md)).toEqual([
      'title TITLE Face Time',
      'standfirst STANDFIRST Given the asymmetry, China engages on its own terms',
      'byline BYLINE By Hu Bo',
      'p-1 PARAGRAPH Body.',
      'c-1 CAPTION A drill (Photo by VCG)',
    ]);
  });

  it('drops short navigation lines above the title but keeps real text', () => {
    expect(rows('Home | World\n\n# Face Time\n\nBody.')).toEqual([
      'title TITLE Face Time',
      'p-1 PARAGRAPH Body.',
    ]);
    expect(rows('An introductory sentence before the heading.\n\n# Face Time\n\nBody.')).toEqual([
      'title TITLE Face Time',
      'p-1 PARAGRAPH An introductory sentence before the heading.',
      'p-2 PARAGRAPH Body.',
    ]);
  });

  it('falls back to opts.title when there is no heading', () => {
    const article = parseArticle('Just a paragraph.', 'markdown', { title: 'Pasted notes' });
    expect(article.title).toBe('Pasted notes');
    expect(article.blocks.map((b) => b.kind)).toEqual(['TITLE', 'PARAGRAPH']);
  });

  it('rejects a document that is only a title, or only markup', () => {
    expect(() => parseArticle('# Only a title', 'markdown')).toThrow(ArticleParseError);
    expect(() => parseArticle('---\n\n![](x.png)\n\n```\n```', 'markdown')).toThrow(
      expect.objectContaining({ code: 'NO_TEXT' }),
    );
  });
});
