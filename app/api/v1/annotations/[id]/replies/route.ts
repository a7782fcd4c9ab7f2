import { z } from 'zod';
import { replyInputSchema } from '@/lib/replies/schemas';
import { json, withReader } from '@/lib/server/api';
import { createReply, listReplies } from '@/lib/server/dal/replies';

const params = z.object({ id: z.uuid('Not an annotation id.') });

/** The thread under an annotation the caller can see, oldest first. */
export const GET = withReader({ params }, async ({ reader, params }) => ({
  replies: await listReplies(reader, params.id),
}));

export const POST = withReader({ params, body: replyInputSchema }, async ({ reader, params, body }) =>
  json({ reply: await createReply(reader, params.id, body.body) }, 201),
);
