// The article's text as static HTML, rendered once per document version (it changes only with
// a new version) and never touched by React afterwards: highlights are painted into its block
// elements by components/reader/highlight-painter.ts (docs/adr/0010-highlights-painted-outside-react.md).
//
// The page-text contract: the <article>'s textContent is the blocks' texts joined by one "\n"
// (one text node between blocks). Labels (¶ numbers, permalinks) give no text: they are CSS
// generated content from `data-label`, with aria-label and title for assistive technology.
import { escapeHtml } from '@/lib/notes/note-html';
import { labelBlocks } from './block-labels';

export interface ArticleBlockData {
  anchor: string;
  kind: string;
  text: string;
}

// One escaping rule for every HTML Marginalia writes (notes, the article, highlight runs).
export { escapeHtml };

const TAG_AND_CLASS: Record<string, [string, string]> = {
  TITLE: ['h1', 'article-title'],
  STANDFIRST: ['p', 'standfirst'],
  BYLINE: ['p', 'byline'],
  HEADING: ['h2', 'article-heading'],
  CAPTION: ['p', 'caption'],
};

function blockHtml(block: ArticleBlockData, label: string): string {
  const [tag, className] = TAG_AND_CLASS[block.kind] ?? ['p', ''];
  const anchor = escapeHtml(block.anchor);
  const paragraph = block.kind === 'PARAGRAPH';
  const link = escapeHtml(`Link to ${label}`);
  const permalink = `<a class="permalink" href="#${anchor}" aria-label="${link}" title="${link}" data-label="${escapeHtml(paragraph ? label : '#')}"></a>`;
  // Keyboard selection starts from a focused block (components/reader/word-cursor.ts).
  const body = `<${tag}${className ? ` class="${className}"` : ''} data-anchor="${anchor}" tabindex="0" aria-describedby="keyboard-selection-help">${escapeHtml(block.text)}</${tag}>`;
  return (
    `<section id="${anchor}" class="block block-${escapeHtml(block.kind.toLowerCase())}"${paragraph ? ` aria-label="${escapeHtml(label)}"` : ''}>` +
    `<div class="block-gutter">${permalink}</div><div class="block-body">${body}</div><div class="block-aside"></div></section>`
  );
}

/** The article's inner HTML: one <section> per block, separated by "\n". */
export function renderArticleHtml(blocks: ArticleBlockData[]): string {
  const labels = labelBlocks(blocks);
  return blocks.map((block) => blockHtml(block, labels.get(block.anchor)!)).join('\n');
}
