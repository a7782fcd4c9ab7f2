import { encodeListCursor, type ListPosition } from '@/lib/annotations/list-cursor';
import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { annotationListQuerySchema, createAnnotationSchema } from '@/lib/annotations/schemas';
import { json, jsonBytes, withReader } from '@/lib/server/api';
import {
  createAnnotation,
  listAnnotationsAtVersion,
  listAnnotationsPage,
} from '@/lib/server/dal/annotations';

const nextCursor = (next: ListPosition | null) => (next ? encodeListCursor(next) : null);

/** One page of the list (ADR 0023): `{ annotations, next }`, `next` null after the last page. */
export const GET = withReader(
  { params, query: annotationListQuerySchema },
  async ({ reader, params, query: { limit, cursor, ...filter } }) => {
    const page = { limit, after: cursor };
    if (filter.version !== undefined) {
      const { annotations, next } = await listAnnotationsAtVersion(
        reader,
        params.id,
        filter.version,
        filter,
        page,
      );
      return { annotations, next: nextCursor(next) };
    }
    // The page as PostgreSQL wrote it: its annotations are not parsed and written again here.
    const { list, next } = await listAnnotationsPage(reader, params.id, filter, page);
    return jsonBytes(
      Buffer.concat([
        Buffer.from('{"annotations":'),
        list,
        Buffer.from(`,"next":${JSON.stringify(nextCursor(next))}}`),
      ]),
    );
  },
);

export const POST = withReader({ params, body: createAnnotationSchema }, async ({ reader, params, body }) =>
  json({ annotation: await createAnnotation(reader, params.id, body) }, 201),
);
