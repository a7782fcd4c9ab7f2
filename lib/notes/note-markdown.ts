import { isAllowedHref } from './note-href';
import type { BlockNode, InlineNode, ListItemNode, NoteDoc, NoteMark } from './note-types';

/**
 * The note as CommonMark (for the Markdown export). Every character the reader typed
 * comes out literally: Markdown syntax in the text is escaped, never interpreted.
 */
export function noteToMarkdown(doc: NoteDoc): string {
  return blocksToMarkdown(doc?.content ?? [], false)
    .replace(/^\n+/, '')
    .trimEnd();
}

function blocksToMarkdown(blocks: readonly BlockNode[], tight: boolean): string {
  let out = '';
  for (const block of blocks) {
    const rendered = blockToMarkdown(block);
    if (rendered === '') continue;
    if (out !== '') out += tight && canInterruptParagraph(block) ? '\n' : '\n\n';
    out += rendered;
  }
  return out;
}

// A nested list may follow its item's first paragraph directly, except a numbered list
// not starting at 1, which CommonMark would read as more of the paragraph.
function canInterruptParagraph(block: BlockNode): boolean {
  return block.type === 'bulletList' || (block.type === 'orderedList' && (block.attrs?.start ?? 1) === 1);
}

function blockToMarkdown(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return inlineToMarkdown(block.content ?? []);
    case 'blockquote':
      return prefixLines(blocksToMarkdown(block.content ?? [], false), '> ', '>');
    case 'bulletList':
      return listToMarkdown(block.content ?? [], () => '- ');
    case 'orderedList': {
      const start = block.attrs?.start ?? 1;
      return listToMarkdown(block.content ?? [], (index) => `${start + index}. `);
    }
    default:
      return '';
  }
}

function listToMarkdown(items: readonly ListItemNode[], prefixFor: (index: number) => string): string {
  return items
    .map((item, index) => {
      const prefix = prefixFor(index);
      const body = blocksToMarkdown(item.content ?? [], true);
      const indent = ' '.repeat(prefix.length);
      return body
        .split('\n')
        .map((line, i) => (i === 0 ? prefix + line : line === '' ? '' : indent + line))
        .join('\n')
        .trimEnd();
    })
    .join('\n');
}

function prefixLines(text: string, prefix: string, blankPrefix: string): string {
  if (text === '') return blankPrefix;
  return text
    .split('\n')
    .map((line) => (line === '' ? blankPrefix : prefix + line))
    .join('\n');
}

// Outer to inner; code is innermost and handled per text node because its content
// is never escaped.
const MARK_ORDER = ['link', 'bold', 'italic', 'strike'] as const;
type SpanMark = { key: string; open: string; close: string };

function spanMarksOf(marks: readonly NoteMark[] | undefined): SpanMark[] {
  const spans: SpanMark[] = [];
  for (const type of MARK_ORDER) {
    const mark = (marks ?? []).find((m) => m.type === type);
    if (!mark) continue;
    if (mark.type === 'link') {
      if (!isAllowedHref(mark.attrs?.href)) continue;
      spans.push({ key: `link:${mark.attrs.href}`, open: '[', close: `](${markdownHref(mark.attrs.href)})` });
    } else if (mark.type === 'bold') spans.push({ key: 'bold', open: '**', close: '**' });
    else if (mark.type === 'italic') spans.push({ key: 'italic', open: '*', close: '*' });
    else spans.push({ key: 'strike', open: '~~', close: '~~' });
  }
  return spans;
}

function markdownHref(href: string): string {
  return href.replace(/[()]/g, '\\$&').replace(/</g, '%3C').replace(/>/g, '%3E');
}

function inlineToMarkdown(nodes: readonly InlineNode[]): string {
  let out = '';
  const open: SpanMark[] = [];

  // Delimiters must hug the text ("**bold** ", not "**bold **"), so whitespace at
  // the edge of a span moves outside it.
  const closeFrom = (index: number) => {
    if (index >= open.length) return;
    const trailing = /[ \t]*$/.exec(out)?.[0] ?? '';
    out = out.slice(0, out.length - trailing.length);
    while (open.length > index) out += open.pop()!.close;
    out += trailing;
  };

  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      closeFrom(0);
      out += '\\\n';
      continue;
    }
    if (node.type !== 'text' || typeof node.text !== 'string') continue;
    const wanted = spanMarksOf(node.marks);
    const keep = open.findIndex((mark, i) => wanted[i]?.key !== mark.key);
    closeFrom(keep === -1 ? open.length : keep);

    const lines = node.text.split('\n');
    lines.forEach((line, lineIndex) => {
      if (lineIndex > 0) {
        closeFrom(0);
        out += '\\\n';
      }
      if (line === '') return;
      const isCode = (node.marks ?? []).some((m) => m.type === 'code');
      if (/^\s*$/.test(line) && !isCode) {
        out += line;
        return;
      }
      const toOpen = wanted.slice(open.length);
      let body = line;
      if (toOpen.length > 0) {
        const leading = /^\s*/.exec(body)?.[0] ?? '';
        out += leading;
        body = body.slice(leading.length);
        for (const mark of toOpen) {
          out += mark.open;
          open.push(mark);
        }
      }
      const atLineStart = out === '' || out.endsWith('\n');
      out += isCode ? codeSpan(body) : escapeMarkdownText(body, atLineStart);
    });
  }
  closeFrom(0);
  // A break at either end of a paragraph would show as a stray backslash.
  return out.replace(/^(?:\\\n)+/, '').replace(/(?:\\\n)+$/, '');
}

function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return fence + pad + text + pad + fence;
}

/** Escapes text so that CommonMark (and GFM) shows it literally. */
export function escapeMarkdownText(text: string, atLineStart: boolean): string {
  let escaped = text.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  if (!atLineStart) return escaped;
  // Four leading spaces would make an indented code block; block markers would make
  // headings, lists, rules or setext underlines.
  escaped = escaped.replace(/^[ \t]+/, '');
  if (/^[#+=-]/.test(escaped)) return `\\${escaped}`;
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2');
}
