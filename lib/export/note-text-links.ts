import type { BlockNode, InlineNode, ListItemNode, NoteDoc } from '@/lib/notes/note-types';

// A note as plain text for CSV that keeps its links: "the source (https://example.org/source)".
// Spreadsheets show no formatting, but a seminar's links are part of what a reader wrote.
// Otherwise the same lines as noteToPlainText: one per paragraph, list items "- " / "1. ".

function inlineText(nodes: readonly InlineNode[]): string {
  let out = '';
  let href: string | null = null;
  let linked = '';
  const close = () => {
    if (href !== null && linked.trim() !== href) out += ` (${href})`;
    href = null;
    linked = '';
  };
  for (const node of nodes) {
    const link = node.type === 'text' ? node.marks?.find((m) => m.type === 'link') : undefined;
    const next = link && link.type === 'link' ? link.attrs.href : null;
    if (next !== href) close();
    href = next;
    if (node.type === 'text') {
      out += node.text;
      if (href !== null) linked += node.text;
    } else if (node.type === 'hardBreak') out += '\n';
  }
  close();
  return out;
}

function listText(items: readonly ListItemNode[], prefixFor: (index: number) => string): string {
  return items
    .map((item, index) => {
      const prefix = prefixFor(index);
      const indent = ' '.repeat(prefix.length);
      const lines = blocksText(item.content ?? []).split('\n');
      return lines.map((line, i) => (i === 0 ? prefix + line : line === '' ? '' : indent + line)).join('\n');
    })
    .join('\n');
}

function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.content ?? []);
    case 'blockquote':
      return blocksText(block.content ?? []);
    case 'bulletList':
      return listText(block.content ?? [], () => '- ');
    case 'orderedList': {
      const start = block.attrs?.start ?? 1;
      return listText(block.content ?? [], (index) => `${start + index}. `);
    }
    default:
      return '';
  }
}

function blocksText(blocks: readonly BlockNode[]): string {
  return blocks.map(blockText).join('\n');
}

/** The note's plain text with each link's address after its text, in parentheses. */
export function noteTextWithLinks(doc: NoteDoc | null, fallback: string): string {
  if (!doc) return fallback;
  return blocksText(doc.content ?? []).trim();
}
