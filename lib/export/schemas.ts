// The export contract: its query, shared by the route handler, the export dialog and the
// OpenAPI document (route files may only export handlers). Import's is lib/import/schemas.ts.
import { z } from 'zod';
import { annotationFilterSchema } from '@/lib/annotations/schemas';

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
