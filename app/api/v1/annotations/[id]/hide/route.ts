import { annotationParamsSchema as params } from '@/lib/annotations/schemas';
import { hideSchema } from '@/lib/groups/schemas';
import { withReader } from '@/lib/server/api';
import { setAnnotationHidden } from '@/lib/server/dal/moderation';

/** A facilitator hides (`hidden: true`) or shows again an annotation shared with their group. */
export const POST = withReader({ params, body: hideSchema }, async ({ reader, params, body }) => ({
  annotation: await setAnnotationHidden(reader, params.id, body.hidden),
}));
