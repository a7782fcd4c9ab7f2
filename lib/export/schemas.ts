// The export and import contract: their queries and the import report, shared by the route
// handlers, the export dialogs and the OpenAPI document (route files may only export handlers).
import { z } from 'zod';
import { annotationFilterSchema, tagSlugSchema } from '@/lib/annotations/schemas';
import { IMPORT_MAX_BYTES } from '@/lib/limits';

export const EXPORT_FORMATS = ['csv', 'markdown', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Exports are of the annotations as they are now, so `version` is not offered here.
export const exportQuerySchema = annotationFilterSchema.omit({ version: true }).extend({
  format: z.enum(EXPORT_FORMATS, { error: 'Choose csv, markdown or jsonld.' }).default('csv'),
  /** a UTF-8 byte order mark first, for spreadsheets (CSV only) */
  bom: z
    .enum(['1', '0', 'true', 'false', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const MAX_IMPORT_BYTES = IMPORT_MAX_BYTES;

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

export const importReportSchema = z.object({
  imported: z.number().int().describe('annotations added (orphans included)'),
  orphaned: z.number().int().describe('annotations added whose quote was not found: listed as orphans'),
  replies: z.number().int().describe('replies added'),
  alreadyImported: z
    .number()
    .int()
    .describe('items skipped because an earlier import of the same file added them'),
  skipped: z.array(issueSchema).describe('valid items not added, with the reason'),
  rejected: z
    .array(issueSchema)
    .describe('items that are not valid W3C Web Annotations or Hypothesis annotations'),
  items: z.array(
    z.object({
      index: z.number().int(),
      sourceId: z.string().nullable(),
      id: z
        .string()
        .nullable()
        .describe('the Marginalia annotation or reply id (null when it is not yours to see)'),
      kind: z.enum(['annotation', 'reply']),
      status: z.enum(['ANCHORED', 'REANCHORED', 'ORPHANED', 'ATTACHED', 'ALREADY_IMPORTED']),
    }),
  ),
  tags: z.object({
    defaultTag: z.string(),
    unknown: z
      .array(z.string())
      .describe('tags in the file that no tag of the group or the defaults matches'),
  }),
  warnings: z.array(z.string()),
  links: z
    .object({ imported: z.number().int(), alreadyImported: z.number().int(), skipped: z.number().int() })
    .optional()
    .describe('argument links (motivation linking) read back: added, already there, skipped'),
});
export type ImportReport = z.infer<typeof importReportSchema>;
