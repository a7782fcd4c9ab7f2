import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { annotationListQuerySchema, createAnnotationSchema } from '@/lib/annotations/schemas';
import { json, withReader } from '@/lib/server/api';
import { createAnnotation, listAnnotations, listAnnotationsAtVersion } from '@/lib/server/dal/annotations';

export const GET = withReader(
  { params, query: annotationListQuerySchema },
  async ({ reader, params, query }) => ({
    annotations:
      query.version === undefined
        ? await listAnnotations(reader, params.id, query)
        : await listAnnotationsAtVersion(reader, params.id, query.version, query),
  }),
);

export const POST = withReader({ params, body: createAnnotationSchema }, async ({ reader, params, body }) =>
  json({ annotation: await createAnnotation(reader, params.id, body) }, 201),
);
