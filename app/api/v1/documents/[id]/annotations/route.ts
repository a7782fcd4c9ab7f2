import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { annotationListQuerySchema, createAnnotationSchema } from '@/lib/annotations/schemas';
import { json, jsonBytes, withReader } from '@/lib/server/api';
import {
  createAnnotation,
  listAnnotationsAtVersion,
  listAnnotationsJsonBytes,
} from '@/lib/server/dal/annotations';

export const GET = withReader(
  { params, query: annotationListQuerySchema },
  async ({ reader, params, query }) =>
    query.version === undefined
      ? // The list as PostgreSQL wrote it: 10,000 annotations are not parsed and written again here.
        jsonBytes(
          Buffer.concat([
            Buffer.from('{"annotations":'),
            await listAnnotationsJsonBytes(reader, params.id, query),
            Buffer.from('}'),
          ]),
        )
      : { annotations: await listAnnotationsAtVersion(reader, params.id, query.version, query) },
);

export const POST = withReader({ params, body: createAnnotationSchema }, async ({ reader, params, body }) =>
  json({ annotation: await createAnnotation(reader, params.id, body) }, 201),
);
