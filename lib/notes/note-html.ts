import { isAllowedHref } from './note-href';
import type { BlockNode, InlineNode, ListItemNode, NoteDoc, NoteMark } from './note-types';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/**
 * The note as an HTML fragment, for a W3C TextualBody with format text/html. Built
 * from the allow-list only: every text and attribute value is escaped, and a link
 * whose address fails the check loses its <a> but keeps its text.
 */
export function noteToHtml(doc: NoteDoc): string {
  return blocksToHtml(doc?.content ?? []);
}

function blocksToHtml(blocks: readonly BlockNode[]): string {
  return blocks.map(blockToHtml).join('');
}

function blockToHtml(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineToHtml(block.content ?? [])}</p>`;
    case 'blockquote':
      return `<blockquote>${blocksToHtml(block.content ?? [])}</blockquote>`;
    case 'bulletList':
      return `<ul>${itemsToHtml(block.content ?? [])}</ul>`;
    case 'orderedList': {
      const start = block.attrs?.start;
      const startAttr = Number.isInteger(start) && start !== 1 ? ` start="${String(start)}"` : '';
      return `<ol${startAttr}>${itemsToHtml(block.content ?? [])}</ol>`;
    }
    default:
      return '';
  }
}

function itemsToHtml(items: readonly ListItemNode[]): string {
  return items.map((item) => `<li>${blocksToHtml(item.content ?? [])}</li>`).join('');
}

function inlineToHtml(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      if (node.type !== 'text' || typeof node.text !== 'string') return '';
      return wrapMarks(escapeHtml(node.text).replace(/\n/g, '<br>'), node.marks ?? []);
    })
    .join('');
}

// Innermost first, so a linked bold word is <a><strong>…</strong></a>.
const TAGS: [NoteMark['type'], string][] = [
  ['code', 'code'],
  ['strike', 's'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

function wrapMarks(html: string, marks: readonly NoteMark[]): string {
  let out = html;
  for (const [type, tag] of TAGS) {
    if (marks.some((mark) => mark.type === type)) out = `<${tag}>${out}</${tag}>`;
  }
  const link = marks.find((mark) => mark.type === 'link');
  if (link && link.type === 'link' && isAllowedHref(link.attrs?.href)) {
    out = `<a href="${escapeHtml(link.attrs.href)}" rel="noopener noreferrer nofollow">${out}</a>`;
  }
  return out;
}
