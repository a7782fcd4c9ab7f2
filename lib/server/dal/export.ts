import 'server-only';
import type { AnnotationFilter } from '@/lib/annotations/schemas';
import { csvHeader, csvRow } from '@/lib/export/csv';
import { jsonLdEnd, jsonLdItem, jsonLdStart } from '@/lib/export/jsonld';
import { markdownEntry, markdownHeader, markdownTagSection } from '@/lib/export/markdown';
import type { ExportContext } from '@/lib/export/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/openapi/transfer-schemas';
import { db } from '../db';
import { notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, type AnnotationScope } from './annotation-access';
import { filterWhere } from './annotations';
import { resolveDocumentId } from './documents';
import { ExportLookups, exportRecords, type DocumentInfo } from './export-records';
import { argumentSection, exportableLinks } from './link-export';
import { linkJsonLdItems } from '@/lib/w3c/links';

// Streamed exports (J7). Rows are read in keyset-paginated batches (export-records.ts), so
// memory stays flat however many annotations a document has. Visibility is the annotation
// list's: annotationScope + filterWhere, nothing else.

export { EXPORT_FORMATS, type ExportFormat };
export { codePointMapping } from '@/lib/anchoring/code-points';
export const EXPORT_BATCH_SIZE = 1000;

const FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  jsonld: {
    extension: 'jsonld',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  },
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

/** Tags used by the exported annotations, in the order the reader's tag pickers show them. */
async function tagSections(where: Prisma.AnnotationWhereInput, filter: AnnotationFilter) {
  const counts = await db.annotationTag.groupBy({
    by: ['tagId'],
    where: { annotation: where },
    _count: { _all: true },
  });
  const tags = await db.tag.findMany({
    where: {
      id: { in: counts.map((c) => c.tagId) },
      ...(filter.tag.length > 0 ? { slug: { in: filter.tag } } : {}),
    },
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

interface Plan {
  where: Prisma.AnnotationWhereInput;
  scope: AnnotationScope;
  doc: DocumentInfo;
  ctx: ExportContext;
  options: ExportOptions;
}

function formatChunks({ where, scope, doc, ctx, options }: Plan): AsyncGenerator<string> {
  const lookups = new ExportLookups();
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const records = (w: Prisma.AnnotationWhereInput = where) =>
    exportRecords(w, scope, doc, lookups, batchSize);

  async function* csv(): AsyncGenerator<string> {
    yield csvHeader({ bom: options.bom ?? false });
    for await (const batch of records()) yield batch.map(csvRow).join('');
  }

  async function* markdown(): AsyncGenerator<string> {
    const sections = await tagSections(where, options.filter);
    yield markdownHeader(ctx);
    if (ctx.total === 0) yield '_No annotations match this export._\n';
    // One pass per tag: an annotation with two tags appears in both sections.
    for (const tag of sections) {
      yield markdownTagSection(tag, tag.count);
      for await (const batch of records({ AND: [where, { tags: { some: { tagId: tag.id } } }] })) {
        yield batch.map((a) => markdownEntry(a, ctx)).join('');
      }
    }
    yield await argumentSection(scope, where); // "Claim ¶3 … supported by ¶7 …" (link-export.ts)
  }

  async function* jsonld(): AsyncGenerator<string> {
    // The collection's total counts every item of its pages: replies are annotations too.
    const replies = await db.reply.count({ where: { deletedAt: null, annotation: where } });
    const collectionId =
      options.collectionId ??
      `${options.baseUrl.replace(/\/+$/, '')}/api/v1/documents/${encodeURIComponent(doc.slug)}/export?format=jsonld`;
    const links = await exportableLinks(scope, where); // argument links (lib/w3c/links.ts)
    yield jsonLdStart(ctx, { collectionId, total: (ctx.total ?? 0) + replies + links.length });
    let first = true;
    for await (const batch of records()) {
      yield batch.map((a, i) => jsonLdItem(a, ctx, first && i === 0)).join('');
      first = false;
    }
    yield linkJsonLdItems(links, options.baseUrl, first);
    yield jsonLdEnd();
  }

  return options.format === 'csv' ? csv() : options.format === 'markdown' ? markdown() : jsonld();
}

/**
 * Checks access and counts, then returns the export as a lazy sequence of text chunks
 * (about one per batch of annotations) and as a byte stream for a Response.
 */
export async function prepareExport(
  reader: Reader,
  documentIdOrSlug: string,
  options: ExportOptions,
): Promise<PreparedExport> {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const doc = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, slug: true, title: true },
  });
  if (!doc) throw notFound('The document');
  const scope = await annotationScope(reader, documentId);
  const where = await filterWhere(scope, options.filter);
  const total = await db.annotation.count({ where });
  const ctx: ExportContext = {
    baseUrl: options.baseUrl,
    generatedAt: options.now ?? new Date(),
    documentTitle: doc.title,
    total,
  };
  const chunks = formatChunks({ where, scope, doc, ctx, options });
  const { extension, contentType } = FILE_TYPES[options.format];
  return {
    filename: `${doc.slug}-annotations.${extension}`,
    contentType,
    total,
    chunks,
    stream: () => toStream(chunks),
  };
}
