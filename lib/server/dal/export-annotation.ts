import 'server-only';
import { pageSelectors, type PageText } from '@/lib/export/page-text';
import { passageLabel } from '@/lib/export/passage-label';
import type { ExportAnnotation, ExportReply } from '@/lib/export/types';
import type { NoteDoc } from '@/lib/notes';
import { withholdsText, type AnnotationScope } from './annotation-access';

// An export's row as the formatters take it (ExportAnnotation), from a row however it was
// read (one cursor for the document exports, batches for the account's): selectors in the
// page text, the passage's label, and rule 3 applied to the note and the replies.

export interface DocumentInfo {
  id: string;
  slug: string;
  title: string;
}

export interface VersionInfo {
  id: string;
  number: number;
  labels: Map<string, string>;
  /** the version's text as the reader page shows it: what exported selectors refer to */
  page: PageText;
}

/** An annotation row with its tags, names and replies, however it was read. */
export interface ExportSourceRow {
  id: string;
  versionId: string;
  authorId: string;
  authorName: string;
  groupId: string | null;
  groupName: string;
  visibility: 'PRIVATE' | 'GROUP';
  noteJson: unknown;
  noteText: string;
  startBlock: string;
  startOffset: number;
  endBlock: string;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: ExportAnnotation['status'];
  createdAt: Date;
  updatedAt: Date;
  hidden: boolean;
  /** tag slugs in the tag pickers' order */
  tags: string[];
  replies: {
    id: string;
    authorId: string;
    authorName: string;
    bodyJson: unknown;
    bodyText: string;
    createdAt: Date;
    updatedAt: Date;
    hidden: boolean;
  }[];
}

/** Selectors as the page shows the text; a target whose version no longer has its blocks
 * keeps its stored quote, its block separators written as the page writes them. */
function selectorsFor(row: ExportSourceRow, version: VersionInfo) {
  const start = { block: row.startBlock, offset: row.startOffset };
  const end = { block: row.endBlock, offset: row.endOffset };
  const found = pageSelectors(version.page, start, end);
  if (found) return found;
  const page = (text: string) => text.replaceAll('\n\n', '\n');
  return {
    exact: page(row.exact),
    prefix: page(row.prefix),
    suffix: page(row.suffix),
    position: { start: 0, end: 0 },
  };
}

// One object per document and version, shared by its rows (formatters only read it).
const documents = new WeakMap<VersionInfo, Map<string, ExportAnnotation['document']>>();
function documentOf(doc: DocumentInfo, version: VersionInfo): ExportAnnotation['document'] {
  let byDoc = documents.get(version);
  if (!byDoc) documents.set(version, (byDoc = new Map()));
  let found = byDoc.get(doc.id);
  if (!found || found.slug !== doc.slug || found.title !== doc.title) {
    found = { ...doc, version: version.number };
    byDoc.set(doc.id, found);
  }
  return found;
}

/** One row as the formatters take it, with rule 3 applied to its note and replies. */
export function toExportAnnotation(
  row: ExportSourceRow,
  version: VersionInfo,
  scope: AnnotationScope,
  doc: DocumentInfo,
): ExportAnnotation {
  const start = { block: row.startBlock, offset: row.startOffset };
  const end = { block: row.endBlock, offset: row.endOffset };
  // A hidden note is withheld from other members; a hidden reply keeps its place in the
  // thread without its text (annotation-access.ts, rule 3).
  const withhold = withholdsText(scope, row);
  const replies: ExportReply[] = row.replies.map((r) => {
    const hideText = withholdsText(scope, { authorId: r.authorId, groupId: row.groupId, hidden: r.hidden });
    return {
      id: r.id,
      authorName: r.authorName,
      bodyText: hideText ? '' : r.bodyText,
      bodyDoc: hideText ? null : ((r.bodyJson as NoteDoc | null) ?? null),
      created: r.createdAt,
      updated: r.updatedAt,
      hidden: r.hidden,
    };
  });
  const { exact, prefix, suffix, position } = selectorsFor(row, version);
  const label = (anchor: string) => version.labels.get(anchor) ?? anchor;
  return {
    id: row.id,
    document: documentOf(doc, version),
    paragraph: row.startBlock,
    paragraphLabel: passageLabel(label(row.startBlock), label(row.endBlock)),
    start,
    end,
    position,
    exact,
    prefix,
    suffix,
    tags: row.tags,
    noteText: withhold ? '' : row.noteText,
    noteDoc: withhold ? null : ((row.noteJson as NoteDoc | null) ?? null),
    author: { id: row.authorId, name: row.authorName },
    group: row.groupId ? { id: row.groupId, name: row.groupName } : null,
    visibility: row.visibility === 'GROUP' ? 'group' : 'private',
    status: row.status,
    created: row.createdAt,
    updated: row.updatedAt,
    replies,
  };
}
