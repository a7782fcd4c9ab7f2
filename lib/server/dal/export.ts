import 'server-only';
import { mineFilter, type AnnotationFilter } from '@/lib/annotations/schemas';
import { exportFileName } from '@/lib/export/file-name';
import { csvHeader, csvRow } from '@/lib/export/csv';
import { jsonLdEnd, jsonLdItem, jsonLdStart } from '@/lib/export/jsonld';
import { markdownEntry, markdownHeader, markdownTagSection } from '@/lib/export/markdown';
import type { ExportContext } from '@/lib/export/types';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/openapi/transfer-schemas';
import { db } from '../db';
import { notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, type AnnotationScope } from './annotation-access';
import { resolveDocumentId } from './documents';
import { countExport, exportCursor, exportSections } from './export-cursor';
import type { DocumentInfo } from './export-records';
import { argumentCsvSection, argumentSection, exportableLinks } from './link-export';
import { linkJsonLdItems } from '@/lib/w3c/links';
import { filterWhere } from './annotations';

// Streamed exports (J7). Rows are written by PostgreSQL a batch at a time, two batches at
// once (export-cursor.ts), so memory stays flat however many annotations a document has.
// Visibility is the annotation list's: annotationScope and its filters.

export { EXPORT_FORMATS, type ExportFormat };
export { codePointMapping } from '@/lib/anchoring/code-points';
export const EXPORT_BATCH_SIZE = 1000;
/** A document export's batch. Each batch is a query that sends the version's block texts
 * again and is planned again: in two interleaved runs of the export bench, 2,500 rows a batch
 * against 1,000 took Markdown 16 % and JSON-LD 9 % less time (CSV the same), for about 4 MB
 * of JSON-LD held per batch (peak RSS growth 16–46 MB either way). */
const DOCUMENT_BATCH_SIZE = 2500;

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
  /** text, or (a batch of rows PostgreSQL wrote) UTF-8 bytes: a Buffer's toString is its text */
  chunks: AsyncGenerator<Chunk>;
  stream(): ReadableStream<Uint8Array>;
}

type Chunk = string | Buffer;

/** A batch's rows as one chunk of bytes: the lines PostgreSQL wrote as they came, the
 * formatters' text encoded. */
class BatchBytes {
  private parts: Buffer[] = [];
  private length = 0;
  add(part: Buffer | string) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    this.parts.push(bytes);
    this.length += bytes.length;
  }
  take(): Buffer {
    const out = Buffer.concat(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    return out;
  }
}

function toStream(chunks: AsyncGenerator<Chunk>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
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
  scope: AnnotationScope;
  doc: DocumentInfo;
  ctx: ExportContext;
  options: ExportOptions;
  replies: number;
}

function formatChunks({ scope, doc, ctx, options, replies }: Plan): AsyncGenerator<Chunk> {
  const batchSize = options.batchSize ?? DOCUMENT_BATCH_SIZE;
  const { filter } = options;

  async function* csv(): AsyncGenerator<Chunk> {
    yield csvHeader({ bom: options.bom ?? false });
    for await (const batch of exportCursor(scope, filter, doc, 'csv', ctx, { kind: 'document' }, batchSize)) {
      const bytes = new BatchBytes();
      for (const r of batch) bytes.add(r.line ?? csvRow(r.annotation));
      yield bytes.take();
    }
    // The argument view as a second table after a blank record (link-export.ts, argument-csv.ts).
    yield await argumentCsvSection(scope, await filterWhere(scope, filter));
  }

  async function* markdown(): AsyncGenerator<Chunk> {
    const sections = await exportSections(scope, filter);
    const names = new Map(sections.map((s) => [s.id, s]));
    let counts = new Map<string | null, number>();
    yield markdownHeader(ctx);
    if (ctx.total === 0) yield '_No annotations match this export._\n';
    // One pass in section order: each note once, under its first tag (its byline lists all).
    let current: string | null | undefined;
    const order = {
      kind: 'sections' as const,
      tagIds: sections.map((s) => s.id),
      counted: (c: Map<string | null, number>) => (counts = c),
    };
    for await (const batch of exportCursor(scope, filter, doc, 'markdown', ctx, order, batchSize)) {
      const bytes = new BatchBytes();
      for (const { sectionTag, line, annotation } of batch) {
        if (sectionTag !== current) {
          current = sectionTag;
          const tag = sectionTag ? names.get(sectionTag) : undefined;
          bytes.add(
            tag
              ? markdownTagSection(tag, counts.get(tag.id) ?? 0)
              : markdownTagSection({ slug: '', name: 'Untagged' }),
          );
        }
        bytes.add(line ?? markdownEntry(annotation, ctx));
      }
      yield bytes.take();
    }
    yield await argumentSection(scope, await filterWhere(scope, filter)); // "Claim ¶3 … supported by ¶7 …" (link-export.ts)
  }

  async function* jsonld(): AsyncGenerator<Chunk> {
    const collectionId =
      options.collectionId ??
      `${options.baseUrl.replace(/\/+$/, '')}/api/v1/documents/${encodeURIComponent(doc.slug)}/export?format=jsonld`;
    // Argument links whose two ends are both in this export (link-export.ts, lib/w3c/links.ts).
    const links = await exportableLinks(scope, await filterWhere(scope, filter));
    // The collection's total counts every item of its pages: replies and links are annotations too.
    yield jsonLdStart(ctx, { collectionId, total: (ctx.total ?? 0) + replies + links.length });
    let first = true;
    for await (const batch of exportCursor(
      scope,
      filter,
      doc,
      'jsonld',
      ctx,
      { kind: 'document' },
      batchSize,
    )) {
      const bytes = new BatchBytes();
      // Rows written by PostgreSQL start with the comma (one byte) that separates items.
      for (const r of batch) {
        bytes.add(
          r.line !== undefined ? (first ? r.line.subarray(1) : r.line) : jsonLdItem(r.annotation, ctx, first),
        );
        first = false;
      }
      yield bytes.take();
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
  const { annotations: total, replies } = await countExport(scope, options.filter);
  const ctx: ExportContext = {
    baseUrl: options.baseUrl,
    generatedAt: options.now ?? new Date(),
    documentTitle: doc.title,
    total,
  };
  const chunks = formatChunks({ scope, doc, ctx, options, replies });
  const { extension, contentType } = FILE_TYPES[options.format];
  const { filter } = options;
  const mine = mineFilter(filter);
  const group =
    filter.group === 'private'
      ? 'private'
      : (scope.memberships.find((m) => m.groupId === filter.group)?.groupName ?? null);
  return {
    filename: exportFileName({
      slug: doc.slug,
      tags: filter.tag,
      group,
      mine,
      orphaned: filter.status === 'orphaned',
      date: ctx.generatedAt,
      extension,
    }),
    contentType,
    total,
    chunks,
    stream: () => toStream(chunks),
  };
}
