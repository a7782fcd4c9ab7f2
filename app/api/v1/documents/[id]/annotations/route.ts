import { z } from 'zod';
import { annotationFilterSchema, createAnnotationSchema } from '@/lib/annotations/schemas';
import { json, withReader } from '@/lib/server/api';
import { createAnnotation, listAnnotations } from '@/lib/server/dal/annotations';

const params = z.object({ id: z.string().min(1).max(200) });

export const GET = withReader({ params, query: annotationFilterSchema }, async ({ reader, params, query }) => ({
  annotations: await listAnnotations(reader, params.id, query),
}));

export const POST = withReader({ params, body: createAnnotationSchema }, async ({ reader, params, body }) =>
  json({ annotation: await createAnnotation(reader, params.id, body) }, 201),
);
