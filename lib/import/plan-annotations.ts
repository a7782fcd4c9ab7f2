import { targetColumns, type TargetColumns } from '@/lib/annotations/target-columns';
import { placeQuote } from '@/lib/anchoring/place-quote';
import type { DocumentIndex } from '@/lib/anchoring/types';
import type { QuoteToPlace } from '@/lib/anchoring/place-quote';
import type { NoteDoc } from '@/lib/notes';
import type { ImportedAnnotation } from '@/lib/w3c/parse-import';
import { checkedNote } from './import-note';
import type { ImportReport } from './schemas';

// The pure half of an annotation import (J9): given the file's items and what the database
// already holds, decide what to insert, what to skip and why, and what to report. Writing
// and reading happen in lib/server/dal/annotation-import.ts.

export const MAX_QUOTE = 20_000;
export const MAX_CONTEXT = 200;
export const MAX_TAGS = 10;

export type ImportIssue = ImportReport['skipped'][number];
export type ImportReportItem = ImportReport['items'][number];

/** An item of the file with its position among the file's entries. */
export type ImportItem = ImportedAnnotation & { index: number };

/** An annotation row as the import inserts it (json_to_recordset: the columns are spelled out). */
export interface ImportAnnotationRow extends TargetColumns {
  id: string;
  documentId: string;
  versionId: string;
  authorId: string;
  visibility: 'PRIVATE' | 'GROUP';
  groupId: string | null;
  noteJson: NoteDoc | null;
  noteText: string;
  status: 'ANCHORED' | 'REANCHORED' | 'ORPHANED';
  sourceId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A reply row as the import inserts it. */
export interface ImportReplyRow {
  id: string;
  annotationId: string;
  authorId: string;
  bodyJson: NoteDoc;
  bodyText: string;
  /** the original author's name, when the reply was someone else's */
  attribution: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An annotation an earlier import of the same file by the same reader added. */
export interface PriorImport {
  id: string;
  authorId: string;
  groupId: string | null;
  deletedAt: Date | null;
}

/** Items with their position in the file: entries are either items or rejections, in order. */
export function indexItems(items: ImportedAnnotation[], rejected: { index: number }[]): ImportItem[] {
  const taken = new Set(rejected.map((r) => r.index));
  let index = 0;
  return items.map((item) => {
    while (taken.has(index)) index++;
    return { ...item, index: index++ };
  });
}

export { checkedNote } from './import-note';

/** Why an item has its status in the report, in words. */
export const STATUS_REASONS = {
  ANCHORED: 'the quote was found in this document',
  REANCHORED: 'the quote was found with small differences (spacing, quotation marks or a typo)',
  ORPHANED: 'the quote was not found in this document: kept as an orphan, ready to re-attach',
  ALREADY_IMPORTED: 'you imported it before',
  ALREADY_HERE: "it is this server's own annotation, still in this document",
} as const;

export interface AnnotationPlanInput {
  /** the file's annotations (replies are planned apart) */
  items: ImportItem[];
  /** this reader's earlier imports of the same source ids, by source id */
  prior: Map<string, PriorImport>;
  /** items that are this server's own annotations, still in the document and visible: their ids */
  here: Map<string, string>;
  /** the quote as the document index spells it (see align-quote.ts) */
  align: (quote: QuoteToPlace) => QuoteToPlace;
  /** whether the importer may see an earlier import (its id is reported only then) */
  visible: (prior: PriorImport) => boolean;
  readerId: string;
  documentId: string;
  documentSlug: string;
  versionId: string;
  groupId: string | null;
  index: DocumentIndex;
  fromCodePoints: (cp: number) => number;
  /** the tag id a file's tag maps to, if any */
  tagId: (slug: string) => string | undefined;
  defaultTagId: string;
  now: Date;
  newId: () => string;
}

export interface AnnotationPlan {
  toInsert: { item: ImportItem; row: ImportAnnotationRow; tagIds: string[] }[];
  skipped: ImportIssue[];
  reportItems: ImportReportItem[];
  unknownTags: Set<string>;
  /** annotations tagged with the default tag for want of a known one */
  defaulted: number;
  /** annotations made on another page, and one of their addresses */
  foreign: { count: number; example: string };
  /** annotations without an id, which a second import would add again */
  withoutId: number;
}

function alreadyImported(item: ImportItem, id: string | null, reason: string): ImportReportItem {
  return {
    index: item.index,
    sourceId: item.sourceId,
    id,
    kind: 'annotation',
    status: 'ALREADY_IMPORTED',
    reason,
  };
}

function toRow(
  input: AnnotationPlanInput,
  item: ImportItem,
  note: { doc: NoteDoc | null; text: string },
): ImportAnnotationRow {
  const { index } = input;
  const placed = placeQuote(index, input.fromCodePoints, input.align(item));
  const first = index.blocks[0];
  // An orphan keeps its quote; the first block at 0..0 only satisfies the constraints.
  const target = placed?.target ?? {
    start: { block: first.anchor, offset: 0 },
    end: { block: first.anchor, offset: 0 },
    exact: item.exact,
    prefix: item.prefix ?? '',
    suffix: item.suffix ?? '',
  };
  const created = item.created ?? input.now;
  return {
    id: input.newId(),
    documentId: input.documentId,
    versionId: input.versionId,
    authorId: input.readerId,
    groupId: input.groupId,
    visibility: input.groupId ? 'GROUP' : 'PRIVATE',
    noteJson: note.doc,
    noteText: note.text,
    ...targetColumns(index, target),
    prefix: target.prefix.slice(-MAX_CONTEXT),
    suffix: target.suffix.slice(0, MAX_CONTEXT),
    status: placed?.status ?? 'ORPHANED',
    sourceId: item.sourceId,
    createdAt: created,
    updatedAt: item.modified && item.modified > created ? item.modified : created,
  };
}

/** Decides, item by item, what an import of annotations adds and what it skips. */
export function planAnnotations(input: AnnotationPlanInput): AnnotationPlan {
  const plan: AnnotationPlan = {
    toInsert: [],
    skipped: [],
    reportItems: [],
    unknownTags: new Set(),
    defaulted: 0,
    foreign: { count: 0, example: '' },
    withoutId: 0,
  };
  const skip = (item: ImportItem, reason: string) =>
    plan.skipped.push({ index: item.index, id: item.sourceId, reason });
  const seen = new Set<string>();
  const ownIri = `/documents/${encodeURIComponent(input.documentSlug)}`;

  for (const item of input.items) {
    if (item.sourceId) {
      if (seen.has(item.sourceId)) {
        skip(item, 'the same id appears earlier in the file');
        continue;
      }
      seen.add(item.sourceId);
      const here = input.here.get(item.sourceId);
      if (here) {
        skip(item, 'already here');
        plan.reportItems.push({
          index: item.index,
          sourceId: item.sourceId,
          id: here,
          kind: 'annotation',
          status: 'ALREADY_HERE',
          reason: STATUS_REASONS.ALREADY_HERE,
        });
        continue;
      }
      const before = input.prior.get(item.sourceId);
      if (before) {
        const deleted = before.deletedAt !== null;
        skip(item, deleted ? 'already imported (and deleted since)' : 'already imported');
        const visible = !deleted && input.visible(before);
        const reason = deleted
          ? 'you imported it before, and deleted it since'
          : STATUS_REASONS.ALREADY_IMPORTED;
        plan.reportItems.push(alreadyImported(item, visible ? before.id : null, reason));
        continue;
      }
    } else plan.withoutId++;
    if (item.exact.length > MAX_QUOTE) {
      skip(item, `the quote is longer than ${MAX_QUOTE.toLocaleString('en')} characters`);
      continue;
    }
    const note = checkedNote(item.noteText, item.noteParts);
    if (!note.ok) {
      skip(item, `note: ${note.reason}`);
      continue;
    }
    const tagIds = new Set<string>();
    for (const slug of item.tags) {
      const id = input.tagId(slug);
      if (id) tagIds.add(id);
      else plan.unknownTags.add(slug);
    }
    if (tagIds.size === 0) {
      tagIds.add(input.defaultTagId);
      plan.defaulted++;
    }
    if (item.targetSource && !item.targetSource.split(/[?#]/)[0].endsWith(ownIri)) {
      plan.foreign.count++;
      plan.foreign.example ||= item.targetSource;
    }
    plan.toInsert.push({ item, tagIds: [...tagIds].slice(0, MAX_TAGS), row: toRow(input, item, note) });
  }
  return plan;
}

/** After the write: which planned rows went in (a concurrent import may have taken some). */
export function recordInserted(plan: AnnotationPlan, inserted: Set<string>) {
  const newIdBySource = new Map<string, string>();
  let imported = 0;
  let orphaned = 0;
  for (const { item, row } of plan.toInsert) {
    if (!inserted.has(row.id)) {
      plan.skipped.push({ index: item.index, id: item.sourceId, reason: 'already imported' });
      plan.reportItems.push(alreadyImported(item, null, 'you imported it meanwhile, in another import'));
      continue;
    }
    imported++;
    if (row.status === 'ORPHANED') orphaned++;
    if (item.sourceId) newIdBySource.set(item.sourceId, row.id);
    plan.reportItems.push({
      index: item.index,
      sourceId: item.sourceId,
      id: row.id,
      kind: 'annotation',
      status: row.status,
      reason: STATUS_REASONS[row.status],
    });
  }
  return { imported, orphaned, newIdBySource };
}
