// The export and import schemas moved to their domain, lib/export/schemas.ts; this module
// keeps the old import path working.
export * from '@/lib/export/schemas';
