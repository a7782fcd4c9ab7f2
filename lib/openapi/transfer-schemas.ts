// The export and import schemas live in their domains, lib/export/schemas.ts and
// lib/import/schemas.ts; this module keeps the old import path working.
export { EXPORT_FORMATS, exportQuerySchema, type ExportFormat } from '@/lib/export/schemas';
export * from '@/lib/import/schemas';
