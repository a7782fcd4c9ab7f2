import { z } from 'zod';
import { hideSchema } from '@/lib/groups/schemas';
import { withReader } from '@/lib/server/api';
import { setAnnotationHidden } from '@/lib/server/dal/moderation';

const params = z.object({ id: z.uuid('Not an annotation id.') });

/** A facilitator hides (`hidden: true`) or shows again an annotation shared with their group. */
export const POST = withReader({ params, body: hideSchema }, async ({ reader, params, body }) => ({
  annotation: await setAnnotationHidden(reader, params.id, body.hidden),
}));
