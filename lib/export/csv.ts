import { stringify } from 'csv-stringify/sync';
import type { ExportAnnotation } from './types';

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
];

/** Separator between tag slugs inside the one "tags" cell. */
export const CSV_TAG_SEPARATOR = '; ';

const BOM = '\uFEFF';

// RFC 4180 quoting (CRLF records). csv-stringify does not quote a bare LF or CR on its own
// when the record delimiter is CRLF, and such a cell would split the row for every reader.
const STRINGIFY_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

// Spreadsheets evaluate a cell starting with one of these as a formula (CSV injection).
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe so Excel, LibreOffice and Sheets show the cell as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

function toRecord(cells: string[]): string {
  return stringify([cells.map(neutraliseFormula)], STRINGIFY_OPTIONS);
}

/** The header record; with `bom`, a UTF-8 byte order mark first so Excel reads UTF-8. */
export function csvHeader(opts: { bom: boolean }): string {
  return (opts.bom ? BOM : '') + toRecord(CSV_COLUMNS);
}

function formatPoint(point: { block: string; offset: number }): string {
  return `${point.block}:${point.offset}`;
}

/** One annotation as one CSV record (CRLF-terminated), in CSV_COLUMNS order. */
export function csvRow(a: ExportAnnotation): string {
  return toRecord([
    a.document.title,
    a.paragraph,
    formatPoint(a.start),
    formatPoint(a.end),
    a.tags.join(CSV_TAG_SEPARATOR),
    a.exact,
    a.noteText,
    a.author.name,
    a.group?.name ?? '',
    a.visibility,
    a.status,
    a.created.toISOString(),
    a.updated.toISOString(),
    String(a.replies.length),
  ]);
}
