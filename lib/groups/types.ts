// The group types of the API, inferred from the contract in ./schemas.ts.
import type { z } from 'zod';
import type {
  groupDetailSchema,
  groupDocumentViewSchema,
  groupMemberViewSchema,
  groupSummarySchema,
  joinedGroupSchema,
} from './schemas';

/** One of the reader's groups, as listed on /groups and by GET /api/v1/groups. */
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type GroupMemberView = z.infer<typeof groupMemberViewSchema>;
export type GroupDocumentView = z.infer<typeof groupDocumentViewSchema>;
export type GroupDetail = z.infer<typeof groupDetailSchema>;
export type JoinedGroup = z.infer<typeof joinedGroupSchema>;
