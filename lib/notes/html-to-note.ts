import { Parser } from 'htmlparser2';
import { isAllowedHref } from './note-href';
import type { BlockNode, InlineNode, ListItemNode, NoteDoc, NoteMark } from './note-types';

// HTML from an import file (a W3C TextualBody with format text/html, or Markdown rendered
// to HTML) read into a note through the editor's allow-list: paragraphs, lists, block
// quotes, bold, italic, strike, code and links with an allowed address. Every other
// element is unwrapped to its text; scripts, styles and embedded documents are dropped
// with their content. Nothing of the input's markup reaches the page: the result is a
// note document, which the caller still checks with parseNote.

const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
  'button',
]);
// Elements that end the current paragraph (their text starts a new one).
const BREAKS_PARAGRAPH = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'dl',
  'dt',
  'dd',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SIMPLE_MARKS: Record<string, Exclude<NoteMark['type'], 'link'>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  cite: 'italic',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
};
// Nested containers beyond this are flattened into their parent, so that a hostile file's
// thousand nested lists still gives a note within the allow-list's depth limit.
const MAX_CONTAINERS = 12;

type BlockFrame = {
  kind: 'blocks';
  node: 'doc' | 'blockquote' | 'listItem';
  tag: string;
  blocks: BlockNode[];
};
type ListFrame = { kind: 'list'; tag: string; ordered: boolean; start?: number; items: ListItemNode[] };
type Frame = BlockFrame | ListFrame;
type MarkEntry = { tag: string; mark: NoteMark | null };

class NoteBuilder {
  readonly root: BlockFrame = { kind: 'blocks', node: 'doc', tag: '', blocks: [] };
  private frames: Frame[] = [this.root];
  private marks: MarkEntry[] = [];
  private inline: InlineNode[] = [];
  private skipping = 0;
  private preformatted = 0;

  open(name: string, attrs: Record<string, string>): void {
    if (this.skipping > 0 || SKIPPED.has(name)) {
      if (SKIPPED.has(name)) this.skipping++;
      return;
    }
    if (name === 'br') return void this.inline.push({ type: 'hardBreak' });
    if (name in SIMPLE_MARKS) return void this.marks.push({ tag: name, mark: { type: SIMPLE_MARKS[name] } });
    if (name === 'a') {
      const href = attrs.href?.trim();
      return void this.marks.push({
        tag: name,
        mark: isAllowedHref(href) ? { type: 'link', attrs: { href } } : null,
      });
    }
    if (BREAKS_PARAGRAPH.has(name)) {
      this.flush();
      if (name === 'pre') this.preformatted++;
      if (HEADINGS.has(name) || name === 'pre') {
        this.marks.push({ tag: name, mark: { type: name === 'pre' ? 'code' : 'bold' } });
      }
      return;
    }
    if (name === 'blockquote') return this.openBlocks('blockquote', name);
    if (name === 'ul' || name === 'ol') return this.openList(name, attrs.start);
    if (name === 'li') {
      if (this.top().kind !== 'list') this.openList('', undefined);
      return this.openBlocks('listItem', name);
    }
  }

  close(name: string): void {
    if (SKIPPED.has(name)) {
      this.skipping = Math.max(0, this.skipping - 1);
      return;
    }
    if (this.skipping > 0) return;
    if (name in SIMPLE_MARKS || name === 'a' || HEADINGS.has(name) || name === 'pre') {
      const at = this.marks.map((m) => m.tag).lastIndexOf(name);
      if (at >= 0) this.marks.splice(at, 1);
    }
    if (BREAKS_PARAGRAPH.has(name)) {
      this.flush();
      if (name === 'pre') this.preformatted = Math.max(0, this.preformatted - 1);
      return;
    }
    const at = this.frames.map((f) => f.tag).lastIndexOf(name);
    if (name !== '' && at > 0) while (this.frames.length > at) this.pop();
  }

  text(raw: string): void {
    if (this.skipping > 0) return;
    const clean = raw.replaceAll('\u0000', '');
    if (this.preformatted > 0) {
      clean.split('\n').forEach((line, i) => {
        if (i > 0) this.inline.push({ type: 'hardBreak' });
        if (line) this.pushText(line);
      });
      return;
    }
    const text = clean.replace(/[\t\n\f\r ]+/g, ' ');
    if (text === '') return;
    if (this.top().kind === 'list') {
      if (text === ' ') return; // the white space between list items
      this.openBlocks('listItem', '');
    }
    this.pushText(text);
  }

  finish(): NoteDoc {
    while (this.frames.length > 1) this.pop();
    this.flush();
    return { type: 'doc', content: this.root.blocks };
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private pushText(text: string): void {
    const marks: NoteMark[] = [];
    for (const { mark } of this.marks) {
      if (!mark) continue;
      const same = marks.findIndex((m) => m.type === mark.type);
      if (same >= 0) marks.splice(same, 1); // the innermost link wins
      marks.push(mark);
    }
    const last = this.inline.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks ?? [], marks)) {
      last.text += text;
      return;
    }
    this.inline.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
  }

  /** The text gathered so far becomes a paragraph of the innermost block container. */
  private flush(): void {
    const inline = trimInline(this.inline);
    this.inline = [];
    if (inline.length === 0) return;
    let top = this.top();
    if (top.kind === 'list') {
      this.openBlocks('listItem', '');
      top = this.top();
    }
    (top as BlockFrame).blocks.push({ type: 'paragraph', content: inline });
  }

  private containers(): number {
    return this.frames.length - 1;
  }

  private openBlocks(node: 'blockquote' | 'listItem', tag: string): void {
    this.flush();
    if (this.top().kind === 'list' && node === 'blockquote') this.openBlocks('listItem', '');
    if (this.containers() >= MAX_CONTAINERS && node !== 'listItem') return;
    if (node === 'listItem' && this.top().kind !== 'list') {
      if (this.containers() >= MAX_CONTAINERS) return;
      this.openList('', undefined);
    }
    this.frames.push({ kind: 'blocks', node, tag, blocks: [] });
  }

  private openList(tag: string, start: string | undefined): void {
    this.flush();
    // A list directly inside a list (invalid, but common) goes into an item of its own.
    if (this.top().kind === 'list') this.openBlocks('listItem', '');
    if (this.containers() >= MAX_CONTAINERS - 1) return;
    const frame: ListFrame = { kind: 'list', tag, ordered: tag === 'ol', items: [] };
    const first = start === undefined ? NaN : Number(start);
    if (Number.isInteger(first) && first !== 1 && Math.abs(first) <= 1_000_000) frame.start = first;
    this.frames.push(frame);
  }

  private pop(): void {
    this.flush();
    const frame = this.frames.pop()!;
    const parent = this.top();
    if (frame.kind === 'list') {
      if (frame.items.length === 0) return;
      const list: BlockNode = frame.ordered
        ? {
            type: 'orderedList',
            ...(frame.start !== undefined ? { attrs: { start: frame.start } } : {}),
            content: frame.items,
          }
        : { type: 'bulletList', content: frame.items };
      if (parent.kind === 'blocks') parent.blocks.push(list);
      return;
    }
    if (frame.node === 'listItem') {
      const content = frame.blocks;
      // Tiptap's list item is "paragraph block*".
      if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
      if (parent.kind === 'list') parent.items.push({ type: 'listItem', content });
      return;
    }
    if (frame.blocks.length > 0 && parent.kind === 'blocks') {
      parent.blocks.push({ type: 'blockquote', content: frame.blocks });
    }
  }
}

function sameMarks(a: readonly NoteMark[], b: readonly NoteMark[]): boolean {
  return a.length === b.length && a.every((m, i) => JSON.stringify(m) === JSON.stringify(b[i]));
}

/** Drops the spaces HTML would not show: at the ends of a paragraph and around line breaks. */
function trimInline(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      const last = out.at(-1);
      if (last?.type === 'text') last.text = last.text.replace(/ +$/, '');
      out.push(node);
      continue;
    }
    const last = out.at(-1);
    let text = node.text;
    if (!last || last.type === 'hardBreak' || (last.type === 'text' && last.text.endsWith(' ')))
      text = text.replace(/^ +/, '');
    if (text) out.push({ ...node, text });
  }
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text.replace(/ +$/, '');
  const kept = out.filter((n) => n.type === 'hardBreak' || n.text.length > 0);
  while (kept.at(-1)?.type === 'hardBreak') kept.pop();
  while (kept[0]?.type === 'hardBreak') kept.shift();
  return kept.some((n) => n.type === 'text') ? kept : [];
}

/**
 * A note from an untrusted HTML fragment, through the editor's allow-list (see above).
 * The document may still be too long for a note: check it with parseNote.
 */
export function htmlToNote(html: string): NoteDoc {
  const builder = new NoteBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => builder.open(name, attrs),
      onclosetag: (name) => builder.close(name),
      ontext: (text) => builder.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}
