import { noteToMarkdown } from '@/lib/notes';
import type { ExportAnnotation, ExportContext, ExportReply } from './types';
import { blockPermalink } from './iris';
import { escapeMarkdownInline, plainTextToMarkdown, prefixLines } from './markdown-escape';

// The Markdown export is a sequence of chunks: markdownHeader once, then for each tag (in
// the caller's tag order) markdownTagSection followed by markdownEntry for each of its
// annotations in document order. An annotation with several tags appears once, under the
// first of them; its byline lists them all.

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export function markdownHeader(ctx: ExportContext): string {
  const summary = ctx.total === undefined ? '' : ` · ${pluralise(ctx.total, 'annotation')}`;
  return (
    `# ${escapeMarkdownInline(ctx.documentTitle)}\n\n` +
    `Exported from Marginalia on ${formatDate(ctx.generatedAt)}${summary}.\n\n`
  );
}

export function markdownTagSection(tag: { slug: string; name: string }, count?: number): string {
  const suffix = count === undefined ? '' : ` (${count})`;
  return `## ${escapeMarkdownInline(tag.name)}${suffix}\n\n`;
}

interface EntryCache {
  inline: Map<string, string>;
  permalinks: Map<string, string>;
}
const caches = new WeakMap<object, EntryCache>();
// Bounded: a cache per export, dropped past this many distinct strings.
const CACHE_LIMIT = 10_000;

function cacheOf(ctx: object): EntryCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = { inline: new Map(), permalinks: new Map() }));
  return cache;
}

function cachedFor(ctx: object): (text: string) => string {
  const { inline } = cacheOf(ctx);
  return (text) => {
    let escaped = inline.get(text);
    if (escaped === undefined) {
      if (inline.size >= CACHE_LIMIT) inline.clear();
      escaped = escapeMarkdownInline(text);
      inline.set(text, escaped);
    }
    return escaped;
  };
}

function permalinkFor(ctx: Pick<ExportContext, 'baseUrl'>, slug: string, anchor: string): string {
  const { permalinks } = cacheOf(ctx);
  const key = `${slug}#${anchor}`;
  let link = permalinks.get(key);
  if (link === undefined) {
    if (permalinks.size >= CACHE_LIMIT) permalinks.clear();
    link = blockPermalink(ctx.baseUrl, slug, anchor);
    permalinks.set(key, link);
  }
  return link;
}

function quoteMarkdown(exact: string, acrossBlocks: boolean): string {
  // A quote across blocks has one line break between them (the page text): one quoted
  // paragraph per block.
  const body = plainTextToMarkdown(acrossBlocks ? exact.replace(/\n/g, '\n\n') : exact);
  return prefixLines(body.length > 0 ? body : '…', '> ');
}

/** A note (or reply) as Markdown: its document's, or its plain text's when that is empty. */
export function noteMarkdown(text: string, doc: ExportAnnotation['noteDoc']): string {
  const fromDoc = doc ? noteToMarkdown(doc).trim() : '';
  return fromDoc.length > 0 ? fromDoc : plainTextToMarkdown(text);
}

export const STATUS_LINES: Record<ExportAnnotation['status'], string> = {
  ANCHORED: '',
  REANCHORED: '_Re-anchored: the passage moved or changed in a later version of the document._',
  ORPHANED: '_Orphaned: this passage is no longer in the current version of the document._',
};

function replyMarkdown(reply: ExportReply): string {
  const hidden = reply.hidden ? ' · _hidden by a facilitator_' : '';
  const head = `- **${escapeMarkdownInline(reply.authorName)}** · ${formatDate(reply.created)}${hidden}`;
  const body = noteMarkdown(reply.bodyText, reply.bodyDoc);
  // A blank line and a two-space indent keep block content (lists, quotes) inside the item.
  return body.length > 0 ? `${head}\n\n${prefixLines(body, '  ', '')}` : head;
}

/**
 * One annotation: the quote as a block quote ending with its ¶ label (a permalink when
 * `ctx` is given), the note, an author/date line, and the replies as a nested list.
 */
export function markdownEntry(a: ExportAnnotation, ctx?: Pick<ExportContext, 'baseUrl'>): string {
  // Labels, permalinks, names and tags repeat from entry to entry: escaped once per export.
  const inline = ctx ? cachedFor(ctx) : escapeMarkdownInline;
  const label = inline(a.paragraphLabel);
  const labelText = ctx ? `[${label}](<${permalinkFor(ctx, a.document.slug, a.paragraph)}>)` : label;
  const parts = [`${quoteMarkdown(a.exact, a.start.block !== a.end.block)}\n>\n> — ${labelText}`];

  const note = noteMarkdown(a.noteText, a.noteDoc);
  if (note.length > 0) parts.push(note);

  const byline = [
    `**${inline(a.author.name)}**`,
    formatDate(a.created),
    a.group ? inline(a.group.name) : 'private',
    `tags: ${a.tags.map(inline).join(', ')}`,
  ];
  parts.push(byline.join(' · '));

  const status = STATUS_LINES[a.status];
  if (status) parts.push(status);

  if (a.replies.length > 0) {
    parts.push(`${pluralise(a.replies.length, 'reply', 'replies')}:`);
    parts.push(a.replies.map(replyMarkdown).join('\n\n'));
  }
  // The rule keeps the next entry's quote from reading as part of this one's replies.
  return `${parts.join('\n\n')}\n\n---\n\n`;
}
