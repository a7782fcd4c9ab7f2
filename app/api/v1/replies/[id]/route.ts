import { z } from 'zod';
import { replyInputSchema } from '@/lib/replies/schemas';
import { withReader } from '@/lib/server/api';
import { deleteReply, updateReply } from '@/lib/server/dal/replies';

const params = z.object({ id: z.uuid('Not a reply id.') });

/** Its author edits a reply. */
export const PATCH = withReader({ params, body: replyInputSchema }, async ({ reader, params, body }) => ({
  reply: await updateReply(reader, params.id, body.body),
}));

export const DELETE = withReader({ params }, async ({ reader, params }) => {
  await deleteReply(reader, params.id);
  return new Response(null, { status: 204 });
});
