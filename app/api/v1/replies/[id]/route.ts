import { replyInputSchema, replyParamsSchema as params } from '@/lib/replies/schemas';
import { withReader } from '@/lib/server/api';
import { deleteReply, updateReply } from '@/lib/server/dal/replies';

/** Its author edits a reply. */
export const PATCH = withReader({ params, body: replyInputSchema }, async ({ reader, params, body }) => ({
  reply: await updateReply(reader, params.id, body.body),
}));

export const DELETE = withReader({ params }, async ({ reader, params }) => {
  await deleteReply(reader, params.id);
  return new Response(null, { status: 204 });
});
