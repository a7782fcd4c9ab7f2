import { updateAnnotationSchema, annotationParamsSchema as params } from '@/lib/annotations/schemas';
import { withReader } from '@/lib/server/api';
import { deleteAnnotation, getAnnotation, updateAnnotation } from '@/lib/server/dal/annotations';

export const GET = withReader({ params }, async ({ reader, params }) => ({
  annotation: await getAnnotation(reader, params.id),
}));

export const PATCH = withReader(
  { params, body: updateAnnotationSchema },
  async ({ reader, params, body }) => ({
    annotation: await updateAnnotation(reader, params.id, body),
  }),
);

export const DELETE = withReader({ params }, async ({ reader, params }) => {
  await deleteAnnotation(reader, params.id);
  return new Response(null, { status: 204 });
});
