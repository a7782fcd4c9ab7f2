import type { BlockNode, InlineNode, ListItemNode, NoteDoc, ParagraphNode } from './note-types';

/**
 * The note as plain text, for search, CSV and anywhere formatting cannot go:
 * one line per paragraph, list items prefixed "- " or "1. ", hard breaks as newlines.
 */
export function noteToPlainText(doc: NoteDoc): string {
  return blocksToText(doc?.content ?? []).trim();
}

function blocksToText(blocks: readonly BlockNode[]): string {
  return blocks.map(blockToText).join('\n');
}

function blockToText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return inlineToText(block.content ?? []);
    case 'blockquote':
      return blocksToText(block.content ?? []);
    case 'bulletList':
      return listToText(block.content ?? [], () => '- ');
    case 'orderedList': {
      const start = block.attrs?.start ?? 1;
      return listToText(block.content ?? [], (index) => `${start + index}. `);
    }
    default:
      return '';
  }
}

function listToText(items: readonly ListItemNode[], prefixFor: (index: number) => string): string {
  return items
    .map((item, index) => {
      const prefix = prefixFor(index);
      const indent = ' '.repeat(prefix.length);
      const lines = blocksToText(item.content ?? []).split('\n');
      return lines.map((line, i) => (i === 0 ? prefix + line : line === '' ? '' : indent + line)).join('\n');
    })
    .join('\n');
}

function inlineToText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? node.text : node.type === 'hardBreak' ? '\n' : ''))
    .join('');
}

/**
 * A note from plain text (a W3C TextualBody in text/plain, an older import):
 * one paragraph per line, blank lines kept as empty paragraphs.
 */
export function plainTextToNote(text: string): NoteDoc {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replaceAll('\0', '')
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (cleaned.trim() === '') return { type: 'doc', content: [] };
  return {
    type: 'doc',
    content: cleaned
      .split('\n')
      .map((line): ParagraphNode =>
        line.trim() === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  };
}

/** True for a missing note or one with no visible text (only blank paragraphs or breaks). */
export function isEmptyNote(doc: NoteDoc | null | undefined): boolean {
  if (!doc) return true;
  return !(doc.content ?? []).some(blockHasText);
}

function blockHasText(block: BlockNode): boolean {
  if (block.type === 'paragraph') {
    return (block.content ?? []).some((node) => node.type === 'text' && /\S/.test(node.text));
  }
  if (block.type === 'bulletList' || block.type === 'orderedList') {
    return (block.content ?? []).some((item) => (item.content ?? []).some(blockHasText));
  }
  if (block.type === 'blockquote') return (block.content ?? []).some(blockHasText);
  return false;
}
