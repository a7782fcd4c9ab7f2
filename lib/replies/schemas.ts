// The replies contract: what clients send and what the API answers (ReplyView). The body
// itself is checked by parseNote (lib/notes): the same rules as notes.
import { z } from 'zod';
import { noteDocSchema, noteInputSchema } from '@/lib/notes/schemas';

export const replyParamsSchema = z.object({ id: z.uuid('Not a reply id.') });

export const replyInputSchema = z.object({
  /** Tiptap JSON (a NoteDoc); validated and normalised by parseNote on the server */
  body: noteInputSchema,
});
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const hideReplySchema = z.object({ hidden: z.boolean({ error: 'Send hidden: true or false.' }) });
export type HideReplyInput = z.infer<typeof hideReplySchema>;

/** A reply as the API returns it. A reply hidden by a facilitator keeps its place in the
 * thread; for other members its body is withheld (null, bodyText ''). */
export const replyViewSchema = z
  .object({
    id: z.uuid(),
    annotationId: z.uuid(),
    author: z.object({ id: z.string(), name: z.string() }),
    attribution: z
      .string()
      .nullable()
      .describe("the original author's name of a reply imported from a file (the author above owns it)"),
    body: noteDocSchema.nullable(),
    bodyText: z.string().describe('the body as plain text ("" when hidden from you)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    hidden: z.boolean().describe('hidden by a facilitator: its body is withheld from other members'),
    can: z
      .object({ edit: z.boolean(), delete: z.boolean(), hide: z.boolean() })
      .describe('what the signed-in reader may do with it'),
  })
  .meta({ id: 'Reply' });
