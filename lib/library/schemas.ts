// The library contract: a reader's library in sections, a seminar's reading list, and the
// owner's (or administrator's) changes to an article: archive, restore, share, delete.
import { z } from 'zod';
import { documentSummarySchema } from '@/lib/documents/schemas';
import { ID_MAX, SEARCH_MAX } from '@/lib/limits';

export const audienceSchema = z
  .enum(['private', 'public'])
  .describe('private: its owner and the seminars whose reading list has it; public: every signed-in reader');
export type Audience = z.infer<typeof audienceSchema>;

/** A calendar day, `YYYY-MM-DD` (a due date has no time of day). */
export const dueDateSchema = z.iso.date().max(10).describe('a calendar day, YYYY-MM-DD');

export const librarySortSchema = z.enum(['recent', 'oldest', 'title']);
export type LibrarySort = z.infer<typeof librarySortSchema>;

export const libraryQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_MAX).optional().describe('words of the title'),
  sort: librarySortSchema
    .default('recent')
    .describe('own and public articles; reading lists keep their order'),
});
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

export const readingViewSchema = z
  .object({
    id: z.uuid().describe('the document’s id'),
    slug: z.string(),
    title: z.string(),
    position: z.number().int().describe('0 is first'),
    dueDate: dueDateSchema.nullable(),
    annotationCount: z.number().int().describe('annotations shared with this group on the document'),
  })
  .meta({ id: 'Reading' });
export type ReadingView = z.infer<typeof readingViewSchema>;

export const readingListSchema = z.object({ readings: z.array(readingViewSchema) });

export const libraryDocumentSchema = documentSummarySchema
  .extend({
    audience: audienceSchema,
    archived: z.boolean(),
    owned: z.boolean().describe('the reader owns it'),
    canManage: z.boolean().describe('the reader may archive, restore, share or delete it'),
    yourAnnotations: z.number().int().describe('the reader’s own annotations on it'),
    othersAnnotated: z.boolean().describe('someone else has annotated it: it can be archived, not deleted'),
  })
  .meta({ id: 'LibraryDocument' });
export type LibraryDocument = z.infer<typeof libraryDocumentSchema>;

export const librarySchema = z
  .object({
    readingLists: z.array(
      z.object({
        groupId: z.uuid(),
        groupName: z.string(),
        role: z.enum(['FACILITATOR', 'MEMBER']),
        readings: z.array(readingViewSchema),
      }),
    ),
    mine: z.array(libraryDocumentSchema).describe('articles the reader owns, archived ones included'),
    public: z.array(libraryDocumentSchema).describe('public articles the reader does not own'),
  })
  .meta({ id: 'Library' });
export type Library = z.infer<typeof librarySchema>;

export const updateDocumentSchema = z
  .object({
    archived: z.boolean().optional().describe('true archives, false restores'),
    audience: audienceSchema
      .optional()
      .describe('making an article public (or private again) is an administrator’s'),
  })
  .refine((v) => v.archived !== undefined || v.audience !== undefined, {
    message: 'Send archived or audience.',
  });
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

export const addReadingSchema = z.object({
  documentId: z.string().min(1).max(ID_MAX).describe('the article’s id or slug'),
  dueDate: dueDateSchema.nullable().optional(),
});
export type AddReadingInput = z.infer<typeof addReadingSchema>;

export const updateReadingSchema = z
  .object({
    position: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('move the reading to this place (0 is first)'),
    dueDate: dueDateSchema.nullable().optional().describe('null clears it'),
  })
  .refine((v) => v.position !== undefined || v.dueDate !== undefined, {
    message: 'Send position or dueDate.',
  });
export type UpdateReadingInput = z.infer<typeof updateReadingSchema>;

export const readingParamsSchema = z.object({
  id: z.string().min(1).max(ID_MAX),
  documentId: z.string().min(1).max(ID_MAX),
});

export const deletedDocumentSchema = z.object({
  deleted: z.object({ id: z.uuid(), title: z.string(), annotations: z.number().int() }),
});
