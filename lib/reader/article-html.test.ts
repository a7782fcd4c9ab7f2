import { describe, expect, it } from 'vitest';
import { loadFaceTimeBlocks } from '@/lib/anchoring/fixtures/face-time-blocks';
import { escapeHtml, renderArticleHtml } from './article-html';

/** textContent as a browser computes it: the HTML without its tags, entities decoded. */
const textContent = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('renderArticleHtml', () => {
  const blocks = loadFaceTimeBlocks().map((b, i) => ({ ...b, kind: i === 0 ? 'TITLE' : 'PARAGRAPH' }));

  it('gives the blocks’ texts joined by one newline as its only text', () => {
    expect(textContent(renderArticleHtml(blocks))).toBe(blocks.map((b) => b.text).join('\n'));
  });

  it('labels paragraphs through attributes, with a permalink and a focusable block element', () => {
    const html = renderArticleHtml(blocks);
    expect(html).toContain(
      '<section id="p-1" class="block block-paragraph" aria-label="¶1"><div class="block-gutter">' +
        '<a class="permalink" href="#p-1" aria-label="Link to ¶1" title="Link to ¶1" data-label="¶1"></a></div>' +
        '<div class="block-body"><p data-anchor="p-1" tabindex="0" aria-describedby="keyboard-selection-help">',
    );
    expect(html).toContain('<h1 class="article-title" data-anchor="title"');
    expect(html).toContain('data-label="#"');
  });

  it('escapes text and attributes', () => {
    const html = renderArticleHtml([{ anchor: 'p-1', kind: 'PARAGRAPH', text: '<b>"Tom" & \'Jerry\'</b>' }]);
    expect(html).not.toContain('<b>');
    expect(textContent(html)).toBe('<b>"Tom" & \'Jerry\'</b>');
    expect(escapeHtml('a<b')).toBe('a&lt;b');
  });
});
