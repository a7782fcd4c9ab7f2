// The named schemas of the OpenAPI document. Each is a zod schema of its domain's contract
// (lib/<domain>/schemas.ts) carrying `.meta({ id })`; nothing here is written by hand.
import { z } from 'zod';
import { annotationViewSchema, tagViewSchema, targetSchema } from '@/lib/annotations/schemas';
import { blockViewSchema, documentSummarySchema, versionSummarySchema } from '@/lib/documents/schemas';
import { apiErrorSchema } from '@/lib/errors/schemas';
import { groupDetailSchema, groupMemberViewSchema, groupSummarySchema } from '@/lib/groups/schemas';
import { noteDocSchema } from '@/lib/notes/schemas';
import { replyViewSchema } from '@/lib/replies/schemas';
import { ComponentCollector, zodToSchema } from './zod-schema';

/** Listed so that the document names them even where no operation refers to one yet. */
const named = z.object({
  error: apiErrorSchema,
  note: noteDocSchema,
  target: targetSchema,
  annotation: annotationViewSchema,
  reply: replyViewSchema,
  tag: tagViewSchema,
  document: documentSummarySchema,
  block: blockViewSchema,
  version: versionSummarySchema,
  group: groupSummarySchema,
  member: groupMemberViewSchema,
  groupDetail: groupDetailSchema,
});

/** A collector that already holds every named schema. */
export function collectComponents(): ComponentCollector {
  const components = new ComponentCollector();
  zodToSchema(named, 'output', components);
  return components;
}
