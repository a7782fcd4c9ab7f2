// The annotation import contract: its query and its report, shared by the route handler,
// the import dialog and the OpenAPI document. (Exports have theirs in lib/export/schemas.ts.)
import { z } from 'zod';
import { tagSlugSchema } from '@/lib/annotations/schemas';
import { IMPORT_MAX_BYTES } from '@/lib/limits';

export const MAX_IMPORT_BYTES = IMPORT_MAX_BYTES;
/** Most lines in each list of the report; the counts always cover every item of the file. */
export const MAX_REPORT_LINES = 1000;

export const importQuerySchema = z.object({
  /** share the imported annotations with this group (the importer must belong to it); else private */
  groupId: z
    .union([z.uuid('Not a group id.'), z.literal('')])
    .optional()
    .transform((v) => v || null),
  /** the tag given to imported annotations that have none Marginalia knows */
  defaultTag: tagSlugSchema.optional().default('claim'),
});
export type ImportQuery = z.output<typeof importQuerySchema>;

const issueSchema = z.object({
  index: z
    .number()
    .int()
    .describe('position of the item in the file (collections and pages flattened), from 0'),
  id: z.string().nullable().describe("the item's id in the file"),
  reason: z.string(),
});

export const IMPORT_ITEM_STATUSES = [
  'ANCHORED',
  'REANCHORED',
  'ORPHANED',
  'ATTACHED',
  'ALREADY_IMPORTED',
  'ALREADY_HERE',
] as const;

export const importReportSchema = z.object({
  imported: z.number().int().describe('annotations added (orphans included)'),
  orphaned: z.number().int().describe('annotations added whose quote was not found: listed as orphans'),
  replies: z.number().int().describe('replies added'),
  alreadyImported: z
    .number()
    .int()
    .describe('items skipped because an earlier import of the same file by this reader added them'),
  alreadyHere: z
    .number()
    .int()
    .describe("items skipped because they are this server's own annotations or replies, still here"),
  skipped: z
    .array(issueSchema)
    .max(MAX_REPORT_LINES)
    .describe('valid items not added, with the reason (at most 1,000: see omitted)'),
  rejected: z
    .array(issueSchema)
    .max(MAX_REPORT_LINES)
    .describe('items that are not valid W3C Web Annotations or Hypothesis annotations (at most 1,000)'),
  items: z
    .array(
      z.object({
        index: z.number().int(),
        sourceId: z.string().nullable(),
        id: z
          .string()
          .nullable()
          .describe('the Marginalia annotation or reply id (null when it is not yours to see)'),
        kind: z.enum(['annotation', 'reply']),
        status: z.enum(IMPORT_ITEM_STATUSES),
        reason: z.string().describe('why the item has this status, in words'),
      }),
    )
    .max(MAX_REPORT_LINES)
    .describe('each item added or recognised, in file order (at most 1,000: see omitted)'),
  omitted: z
    .number()
    .int()
    .describe('lines left out of items, skipped and rejected for their bound (the counts include them)'),
  tags: z.object({
    defaultTag: z.string(),
    unknown: z
      .array(z.string())
      .describe('tags in the file that no tag of the group or the defaults matches'),
  }),
  warnings: z.array(z.string()),
  // Filled by the argument links' import (the "links" branch), declared here so that the
  // contract keeps it when both are merged.
  links: z
    .object({ imported: z.number().int(), alreadyImported: z.number().int(), skipped: z.number().int() })
    .optional()
    .describe('argument links (motivation linking) read back: added, already there, skipped'),
});
export type ImportReport = z.infer<typeof importReportSchema>;
