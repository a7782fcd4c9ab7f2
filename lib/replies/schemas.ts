// zod schemas for replies, shared by the API routes, the thread's client code and tests.
// The body itself is checked by parseNote (lib/notes): the same rules as notes.
import { z } from 'zod';

export const replyInputSchema = z.object({
  /** Tiptap JSON (a NoteDoc); validated and normalised by parseNote on the server */
  body: z.unknown(),
});
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const hideReplySchema = z.object({ hidden: z.boolean({ error: 'Send hidden: true or false.' }) });
export type HideReplyInput = z.infer<typeof hideReplySchema>;
