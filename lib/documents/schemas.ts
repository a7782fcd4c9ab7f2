// The documents contract: what the library, a document and its versions look like in the
// API. Requests that carry an article are in lib/articles/schemas.ts.
import { z } from 'zod';
import { articleFormatSchema, blockKindSchema } from '@/lib/articles/schemas';
import { ID_MAX, INT_MAX } from '@/lib/limits';

const timestamp = z.iso.datetime();

/** `{id}` in a document's path: its id or its slug (e.g. face-time). */
export const documentParamsSchema = z.object({ id: z.string().min(1).max(ID_MAX) });

/** `?version=` on a document and its annotations: a document version, never a revision. */
export const documentVersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(INT_MAX)
    .optional()
    .describe('a past version number; the current one when missing'),
});

export const documentSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    version: z.number().int().describe('the document version shown (the current one in the library)'),
    paragraphs: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'DocumentSummary' });

export const blockViewSchema = z
  .object({
    anchor: z.string(),
    kind: blockKindSchema,
    index: z.number().int(),
    text: z.string(),
  })
  .meta({ id: 'Block' });

/** GET /documents/{id}: the document at one version, and its blocks. */
export const documentViewSchema = z.object({
  document: documentSummarySchema.extend({
    versionId: z.uuid(),
    currentVersion: z.number().int(),
    versions: z.array(z.object({ number: z.number().int(), importedAt: timestamp })),
  }),
  blocks: z.array(blockViewSchema),
});

export const versionSummarySchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    format: articleFormatSchema,
    importedAt: timestamp,
    paragraphs: z.number().int(),
    current: z.boolean(),
  })
  .meta({ id: 'VersionSummary' });

/** What happened to the annotations the reviser can see (others' private notes do not
 * exist for them, not even as a count). */
export const reanchorSummarySchema = z.object({
  anchored: z.number().int(),
  reanchored: z.number().int(),
  orphaned: z.number().int(),
});

export const revisionResultSchema = z.object({
  document: documentSummarySchema,
  version: versionSummarySchema.extend({ id: z.uuid().describe('the new version’s id') }),
  summary: reanchorSummarySchema,
});
