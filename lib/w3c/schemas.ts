import { z } from 'zod';
import { ID_MAX } from '@/lib/limits';

// Requests of the W3C Web Annotation Protocol routes (docs/api.md). Their bodies are W3C
// annotations, read by lib/w3c/protocol-input.ts rather than by zod; their answers are
// JSON-LD, described in the OpenAPI document by media type.

const MAX_PAGE = 1_000_000;

export const containerParamsSchema = z.object({ id: z.string().min(1).max(ID_MAX) });
export const groupContainerParamsSchema = z.object({
  id: z.string().min(1).max(ID_MAX),
  groupId: z.uuid('Not a seminar id.'),
});
export const replyParamsSchema = z.object({
  id: z.uuid('Not an annotation id.'),
  replyId: z.uuid('Not a reply id.'),
});
/** An annotation at its IRI, under its document's container. */
export const containedAnnotationParamsSchema = z.object({
  id: z.string().min(1).max(ID_MAX),
  annotationId: z.uuid('Not an annotation id.'),
});
export const containedReplyParamsSchema = containedAnnotationParamsSchema.extend({
  replyId: z.uuid('Not a reply id.'),
});
export const userParamsSchema = z.object({ id: z.string().min(1).max(ID_MAX) });

export const containerQuerySchema = z.object({
  /** a page of the container, from 0 */
  page: z.coerce.number().int('Not a page number.').min(0, 'Not a page number.').max(MAX_PAGE).optional(),
  /** 1: pages list annotation IRIs (as with Prefer PreferContainedIRIs) */
  iris: z.enum(['0', '1']).optional(),
});
export type ContainerQuery = z.infer<typeof containerQuerySchema>;

/** A W3C Web Annotation, as the OpenAPI document describes request and response bodies. */
export const w3cAnnotationSchema = z.unknown().meta({
  type: 'object',
  description: 'A W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/)',
});
