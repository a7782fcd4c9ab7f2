import 'server-only';
import { toDocumentPosition } from '@/lib/anchoring/document-text';
import type { AnnotationFilter } from '@/lib/annotations/schemas';
import { csvHeader, csvRow } from '@/lib/export/csv';
import { jsonLdEnd, jsonLdItem, jsonLdStart } from '@/lib/export/jsonld';
import { markdownEntry, markdownHeader, markdownTagSection } from '@/lib/export/markdown';
import type { ExportAnnotation, ExportContext, ExportReply } from '@/lib/export/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/openapi/transfer-schemas';
import type { NoteDoc } from '@/lib/notes';
import { labelBlocks } from '@/lib/reader/block-labels';
import { db } from '../db';
import { notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, roleIn, type AnnotationScope } from './annotation-access';
import { filterWhere } from './annotations';
import { resolveDocumentId } from './documents';
import { getVersionIndex } from './version-index';

// Streamed exports (J7). Rows are read in keyset-paginated batches so memory stays flat
// however many annotations a document has; each batch's replies come in one more query.
// Visibility is the annotation list's: annotationScope + filterWhere, nothing else.

export { EXPORT_FORMATS, type ExportFormat };
export const EXPORT_BATCH_SIZE = 1000;

const FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  jsonld: { extension: 'jsonld', contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8' },
};

export interface ExportOptions {
  format: ExportFormat;
  filter: AnnotationFilter;
  /** origin used in the JSON-LD IRIs and Markdown permalinks */
  baseUrl: string;
  bom?: boolean;
  /** the JSON-LD collection's id; defaults to the export's own address */
  collectionId?: string;
  now?: Date;
  batchSize?: number;
}

export interface PreparedExport {
  filename: string;
  contentType: string;
  /** annotations in the export (replies not counted) */
  total: number;
  chunks: AsyncGenerator<string>;
  stream(): ReadableStream<Uint8Array>;
}

const exportSelect = {
  id: true,
  versionId: true,
  authorId: true,
  groupId: true,
  visibility: true,
  noteJson: true,
  noteText: true,
  startBlock: true,
  startIndex: true,
  startOffset: true,
  endBlock: true,
  endOffset: true,
  exact: true,
  prefix: true,
  suffix: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  hiddenAt: true,
  author: { select: { id: true, name: true } },
  group: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { slug: true, position: true } } } },
} as const satisfies Prisma.AnnotationSelect;

type ExportRow = Prisma.AnnotationGetPayload<{ select: typeof exportSelect }>;

/**
 * W3C TextPositionSelector offsets count code points, the document index counts UTF-16
 * units: both directions, cheap because surrogate pairs are rare and found once per text.
 */
export function codePointMapping(text: string) {
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++);
    }
  }
  // How many k satisfy key(k) < limit, for a non-decreasing key.
  const countBelow = (limit: number, key: (k: number) => number) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(mid) < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    toCodePoints: (utf16: number) => (pairs.length === 0 ? utf16 : utf16 - countBelow(utf16 - 1, (k) => pairs[k])),
    fromCodePoints: (cp: number) => (pairs.length === 0 ? cp : cp + countBelow(cp, (k) => pairs[k] - k)),
  };
}

interface VersionInfo {
  number: number;
  labels: Map<string, string>;
  position: (point: { block: string; offset: number }) => number;
}

function versionInfoLoader() {
  const cache = new Map<string, Promise<VersionInfo>>();
  return (versionId: string): Promise<VersionInfo> => {
    let info = cache.get(versionId);
    if (!info) {
      info = getVersionIndex(versionId).then(({ number, index, kinds }) => {
        const labels = labelBlocks(index.blocks.map((b) => ({ anchor: b.anchor, kind: kinds.get(b.anchor) ?? 'PARAGRAPH' })));
        const { toCodePoints } = codePointMapping(index.text);
        return { number, labels, position: (point) => toCodePoints(toDocumentPosition(index, point) ?? 0) };
      });
      cache.set(versionId, info);
    }
    return info;
  };
}

type Cursor = Pick<ExportRow, 'startIndex' | 'startOffset' | 'id'>;

function after(c: Cursor): Prisma.AnnotationWhereInput {
  // The redundant lower bound lets PostgreSQL seek in the (documentId, startIndex,
  // startOffset) index instead of filtering every earlier row again at each batch.
  return {
    startIndex: { gte: c.startIndex },
    OR: [
      { startIndex: { gt: c.startIndex } },
      { startIndex: c.startIndex, startOffset: { gt: c.startOffset } },
      { startIndex: c.startIndex, startOffset: c.startOffset, id: { gt: c.id } },
    ],
  };
}

/** Batches in document order, orphans last (as the annotation list shows them). */
async function* rowBatches(where: Prisma.AnnotationWhereInput, batchSize: number): AsyncGenerator<ExportRow[]> {
  const phases: Prisma.AnnotationWhereInput[] = [{ status: { not: 'ORPHANED' } }, { status: 'ORPHANED' }];
  for (const phase of phases) {
    let cursor: Cursor | null = null;
    for (;;) {
      const rows: ExportRow[] = await db.annotation.findMany({
        where: { AND: [where, phase, ...(cursor ? [after(cursor)] : [])] },
        orderBy: [{ startIndex: 'asc' }, { startOffset: 'asc' }, { id: 'asc' }],
        take: batchSize,
        select: exportSelect,
      });
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) break;
      cursor = rows[rows.length - 1];
    }
  }
}

/** Replies of a batch, keyed by annotation. A reply hidden by a facilitator keeps its
 * place in the thread but its text is withheld from members other than its author. */
async function repliesFor(rows: ExportRow[], scope: AnnotationScope): Promise<Map<string, ExportReply[]>> {
  const byAnnotation = new Map<string, ExportReply[]>();
  if (rows.length === 0) return byAnnotation;
  const groupOf = new Map(rows.map((r) => [r.id, r.groupId]));
  const replies = await db.reply.findMany({
    where: { annotationId: { in: rows.map((r) => r.id) }, deletedAt: null },
    orderBy: [{ annotationId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, annotationId: true, authorId: true, bodyJson: true, bodyText: true, createdAt: true, updatedAt: true, hiddenAt: true, author: { select: { name: true } } },
  });
  for (const r of replies) {
    const hidden = r.hiddenAt !== null;
    const withhold = hidden && r.authorId !== scope.reader.id && roleIn(scope, groupOf.get(r.annotationId) ?? null) !== 'FACILITATOR';
    const list = byAnnotation.get(r.annotationId) ?? [];
    list.push({
      id: r.id,
      authorName: r.author.name,
      bodyText: withhold ? '' : r.bodyText,
      bodyDoc: withhold ? null : ((r.bodyJson as NoteDoc | null) ?? null),
      created: r.createdAt,
      updated: r.updatedAt,
      hidden,
    });
    byAnnotation.set(r.annotationId, list);
  }
  return byAnnotation;
}

interface DocumentInfo {
  id: string;
  slug: string;
  title: string;
}

async function toExportBatch(
  rows: ExportRow[],
  scope: AnnotationScope,
  doc: DocumentInfo,
  versionInfo: (versionId: string) => Promise<VersionInfo>,
): Promise<ExportAnnotation[]> {
  const replies = await repliesFor(rows, scope);
  const out: ExportAnnotation[] = [];
  for (const row of rows) {
    const version = await versionInfo(row.versionId);
    const start = { block: row.startBlock, offset: row.startOffset };
    const end = { block: row.endBlock, offset: row.endOffset };
    // Same rule as toAnnotationView: a hidden note is withheld from other members.
    const withhold = row.hiddenAt !== null && row.authorId !== scope.reader.id && roleIn(scope, row.groupId) !== 'FACILITATOR';
    out.push({
      id: row.id,
      document: { ...doc, version: version.number },
      paragraph: row.startBlock,
      paragraphLabel: version.labels.get(row.startBlock) ?? row.startBlock,
      start,
      end,
      position: { start: version.position(start), end: version.position(end) },
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      tags: [...row.tags].sort((a, b) => a.tag.position - b.tag.position).map((t) => t.tag.slug),
      noteText: withhold ? '' : row.noteText,
      noteDoc: withhold ? null : ((row.noteJson as NoteDoc | null) ?? null),
      author: row.author,
      group: row.group,
      visibility: row.visibility === 'GROUP' ? 'group' : 'private',
      status: row.status,
      created: row.createdAt,
      updated: row.updatedAt,
      replies: replies.get(row.id) ?? [],
    });
  }
  return out;
}

async function* exportRecords(
  where: Prisma.AnnotationWhereInput,
  scope: AnnotationScope,
  doc: DocumentInfo,
  versionInfo: (versionId: string) => Promise<VersionInfo>,
  batchSize: number,
): AsyncGenerator<ExportAnnotation[]> {
  for await (const rows of rowBatches(where, batchSize)) yield toExportBatch(rows, scope, doc, versionInfo);
}

/** Tags used by the exported annotations, in the order the reader's tag pickers show them. */
async function tagSections(where: Prisma.AnnotationWhereInput, filter: AnnotationFilter) {
  const counts = await db.annotationTag.groupBy({ by: ['tagId'], where: { annotation: where }, _count: { _all: true } });
  const tags = await db.tag.findMany({
    where: { id: { in: counts.map((c) => c.tagId) }, ...(filter.tag.length > 0 ? { slug: { in: filter.tag } } : {}) },
    orderBy: [{ groupId: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, slug: true, name: true },
  });
  const countOf = new Map(counts.map((c) => [c.tagId, c._count._all]));
  return tags.map((t) => ({ ...t, count: countOf.get(t.id) ?? 0 }));
}

function toStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error('[export] failed while streaming', error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * Checks access and counts, then returns the export as a lazy sequence of text chunks
 * (about one per batch of annotations) and as a byte stream for a Response.
 */
export async function prepareExport(reader: Reader, documentIdOrSlug: string, options: ExportOptions): Promise<PreparedExport> {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const found = await db.document.findUnique({ where: { id: documentId }, select: { id: true, slug: true, title: true } });
  if (!found) throw notFound('The document');
  const doc: DocumentInfo = found;
  const scope = await annotationScope(reader, documentId);
  const where = await filterWhere(scope, options.filter);
  const total = await db.annotation.count({ where });
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const versionInfo = versionInfoLoader();
  const ctx: ExportContext = { baseUrl: options.baseUrl, generatedAt: options.now ?? new Date(), documentTitle: doc.title, total };
  const records = () => exportRecords(where, scope, doc, versionInfo, batchSize);

  async function* csv(): AsyncGenerator<string> {
    yield csvHeader({ bom: options.bom ?? false });
    for await (const batch of records()) yield batch.map(csvRow).join('');
  }

  async function* markdown(): AsyncGenerator<string> {
    const sections = await tagSections(where, options.filter);
    yield markdownHeader(ctx);
    if (total === 0) yield '_No annotations match this export._\n';
    for (const tag of sections) {
      yield markdownTagSection(tag, tag.count);
      const tagged: Prisma.AnnotationWhereInput = { AND: [where, { tags: { some: { tagId: tag.id } } }] };
      for await (const batch of exportRecords(tagged, scope, doc, versionInfo, batchSize)) {
        yield batch.map((a) => markdownEntry(a, ctx)).join('');
      }
    }
  }

  async function* jsonld(): AsyncGenerator<string> {
    // The collection's total counts every item of its pages: replies are annotations too.
    const replies = await db.reply.count({ where: { deletedAt: null, annotation: where } });
    const collectionId = options.collectionId ?? `${options.baseUrl.replace(/\/+$/, '')}/api/v1/documents/${encodeURIComponent(doc.slug)}/export?format=jsonld`;
    yield jsonLdStart(ctx, { collectionId, total: total + replies });
    let first = true;
    for await (const batch of records()) {
      yield batch.map((a) => jsonLdItem(a, ctx, first && a === batch[0])).join('');
      first = false;
    }
    yield jsonLdEnd();
  }

  const chunks = options.format === 'csv' ? csv() : options.format === 'markdown' ? markdown() : jsonld();
  const { extension, contentType } = FILE_TYPES[options.format];
  return {
    filename: `${doc.slug}-annotations.${extension}`,
    contentType,
    total,
    chunks,
    stream: () => toStream(chunks),
  };
}
