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

function quoteMarkdown(exact: string, acrossBlocks: boolean): string {
  // A quote across blocks has one line break between them (the page text): one quoted
  // paragraph per block.
  const body = plainTextToMarkdown(acrossBlocks ? exact.replace(/\n/g, '\n\n') : exact);
  return prefixLines(body.length > 0 ? body : '…', '> ');
}

function noteMarkdown(text: string, doc: ExportAnnotation['noteDoc']): string {
  const fromDoc = doc ? noteToMarkdown(doc).trim() : '';
  return fromDoc.length > 0 ? fromDoc : plainTextToMarkdown(text);
}

const STATUS_LINES: Record<ExportAnnotation['status'], string> = {
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
  const label = escapeMarkdownInline(a.paragraphLabel);
  const labelText = ctx
    ? `[${label}](<${blockPermalink(ctx.baseUrl, a.document.slug, a.paragraph)}>)`
    : label;
  const parts = [`${quoteMarkdown(a.exact, a.start.block !== a.end.block)}\n>\n> — ${labelText}`];

  const note = noteMarkdown(a.noteText, a.noteDoc);
  if (note.length > 0) parts.push(note);

  const byline = [
    `**${escapeMarkdownInline(a.author.name)}**`,
    formatDate(a.created),
    a.group ? escapeMarkdownInline(a.group.name) : 'private',
    `tags: ${a.tags.map(escapeMarkdownInline).join(', ')}`,
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
