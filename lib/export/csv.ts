import { noteTextWithLinks } from './note-text-links';
import type { ExportAnnotation, ExportReply } from './types';

export const CSV_COLUMNS: string[] = [
  'document',
  'paragraph',
  'start',
  'end',
  'tags',
  'quote',
  'note',
  'author',
  'group',
  'visibility',
  'status',
  'created',
  'updated',
  'replies',
  'thread',
];

/** Separator between tag slugs inside the one "tags" cell. */
export const CSV_TAG_SEPARATOR = '; ';

const BOM = '\uFEFF';

// RFC 4180 (CRLF records): a cell with a comma, a quote or any line break (a bare LF or CR
// too, which would split the row for every reader) is quoted, its quotes doubled. Written
// by hand: a CSV library call per record is most of an export's time at 100,000 rows.
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

// Spreadsheets evaluate a cell starting with one of these as a formula (CSV injection).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe so Excel, LibreOffice and Sheets show the cell as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** One cell: the formula guard, then quoting where needed. */
export function csvCell(value: string): string {
  const cell = neutraliseFormula(value);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
}

function toRecord(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header record; with `bom`, a UTF-8 byte order mark first so Excel reads UTF-8. */
export function csvHeader(opts: { bom: boolean }): string {
  return (opts.bom ? BOM : '') + toRecord(CSV_COLUMNS);
}

function formatPoint(point: { block: string; offset: number }): string {
  return `${point.block}:${point.offset}`;
}

function replyLine(reply: ExportReply): string {
  const head = `${reply.authorName}, ${reply.created.toISOString().slice(0, 10)}`;
  const body = reply.bodyDoc || reply.bodyText ? noteTextWithLinks(reply.bodyDoc, reply.bodyText) : '';
  if (reply.hidden)
    return body ? `${head} (hidden by a facilitator): ${body}` : `${head}: [hidden by a facilitator]`;
  return `${head}: ${body}`;
}

/** The replies in one cell: "Name, date: text", one reply per paragraph (blank line between). */
export function csvThread(replies: ExportReply[]): string {
  return replies.map(replyLine).join('\n\n');
}

/**
 * One annotation as one CSV record (CRLF-terminated), in CSV_COLUMNS order. "paragraph" is
 * the passage's label ("¶7", "¶1–2" across blocks); start and end give the block anchors.
 */
export function csvRow(a: ExportAnnotation): string {
  return toRecord([
    a.document.title,
    a.paragraphLabel,
    formatPoint(a.start),
    formatPoint(a.end),
    a.tags.join(CSV_TAG_SEPARATOR),
    a.exact,
    noteTextWithLinks(a.noteDoc, a.noteText),
    a.author.name,
    a.group?.name ?? '',
    a.visibility,
    a.status,
    a.created.toISOString(),
    a.updated.toISOString(),
    String(a.replies.length),
    csvThread(a.replies),
  ]);
}

/** One record of another table in the same file (the argument section after the annotations,
 * lib/arguments/argument-csv.ts), with the same quoting and formula guard. */
export const csvRecord = (cells: string[]): string => toRecord(cells);
