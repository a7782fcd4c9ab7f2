import 'server-only';
import { jsonLdEnd, jsonLdItem, jsonLdStart } from '@/lib/export/jsonld';
import type { ExportContext } from '@/lib/export/types';
import { db } from '../db';
import type { Reader } from '../session';
import { annotationScope } from './annotation-access';
import { EXPORT_BATCH_SIZE } from './export';
import { ExportLookups, exportRecords } from './export-records';

// "Download all my annotations": every annotation the reader wrote, on every article, as one
// W3C Web Annotation collection. Each article's part is read through that article's
// annotationScope and the export's own cursor and formatter, so the file is exactly what the
// per-article exports would give, filtered to the reader's own notes (with their threads).

export async function exportMyAnnotations(reader: Reader, baseUrl: string, now = new Date()) {
  const documents = await db.document.findMany({
    where: { annotations: { some: { authorId: reader.id, deletedAt: null } } },
    select: { id: true, slug: true, title: true },
    orderBy: { title: 'asc' },
  });
  const own = { authorId: reader.id, deletedAt: null };
  const total = await db.annotation.count({ where: own });
  const replies = await db.reply.count({ where: { deletedAt: null, annotation: own } });
  const ctx: ExportContext = {
    baseUrl,
    generatedAt: now,
    documentTitle: `all articles, by ${reader.name}`,
    total,
  };
  const collectionId = `${baseUrl.replace(/\/+$/, '')}/api/v1/account/annotations`;

  async function* chunks(): AsyncGenerator<string> {
    yield jsonLdStart(ctx, { collectionId, total: total + replies });
    let first = true;
    const lookups = new ExportLookups();
    for (const doc of documents) {
      const scope = await annotationScope(reader, doc.id);
      const where = { AND: [scope.where, own] };
      for await (const batch of exportRecords(where, scope, doc, lookups, EXPORT_BATCH_SIZE)) {
        yield batch.map((a, i) => jsonLdItem(a, ctx, first && i === 0)).join('');
        if (batch.length > 0) first = false;
      }
    }
    yield jsonLdEnd();
  }

  const encoder = new TextEncoder();
  const iterator = chunks();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
  return { total, stream, filename: 'my-annotations.jsonld' };
}
