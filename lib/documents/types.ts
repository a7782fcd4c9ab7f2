// The document types of the API, inferred from the contract in ./schemas.ts.
import type { z } from 'zod';
import type {
  blockViewSchema,
  documentSummarySchema,
  documentViewSchema,
  reanchorSummarySchema,
  revisionResultSchema,
  versionSummarySchema,
} from './schemas';

export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type BlockView = z.infer<typeof blockViewSchema>;
export type DocumentView = z.infer<typeof documentViewSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type ReanchorSummary = z.infer<typeof reanchorSummarySchema>;
export type RevisionResult = z.infer<typeof revisionResultSchema>;
