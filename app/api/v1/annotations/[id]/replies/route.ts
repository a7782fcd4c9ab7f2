import { annotationParamsSchema as params } from '@/lib/annotations/schemas';
import { replyInputSchema } from '@/lib/replies/schemas';
import { json, withReader } from '@/lib/server/api';
import { createReply, listReplies } from '@/lib/server/dal/replies';

/** The thread under an annotation the caller can see, oldest first. */
export const GET = withReader({ params }, async ({ reader, params }) => ({
  replies: await listReplies(reader, params.id),
}));

export const POST = withReader({ params, body: replyInputSchema }, async ({ reader, params, body }) =>
  json({ reply: await createReply(reader, params.id, body.body) }, 201),
);
