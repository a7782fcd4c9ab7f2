import { hideReplySchema, replyParamsSchema as params } from '@/lib/replies/schemas';
import { withReader } from '@/lib/server/api';
import { setReplyHidden } from '@/lib/server/dal/replies';

/** A facilitator of the annotation's group hides (`hidden: true`) or shows again a reply. */
export const POST = withReader({ params, body: hideReplySchema }, async ({ reader, params, body }) => ({
  reply: await setReplyHidden(reader, params.id, body.hidden),
}));
