// The W3C Web Annotation Protocol's operations: a document's container, a document's and
// seminar's, and an annotation and reply at their IRIs under the container (docs/adr/0012).
import { apiErrorSchema } from '@/lib/errors/schemas';
import { containerQuerySchema, w3cAnnotationSchema } from '@/lib/w3c/schemas';
import type { OperationSpec, ResponseSpec } from './operations';

const noContent: ResponseSpec = { description: 'Done (no body).' };

export const w3cOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/w3c/documents/{id}/',
    tag: 'Annotations',
    summary: 'W3C Web Annotation Protocol container of a document',
    description:
      'An LDP Basic Container and AnnotationCollection of every annotation of the document you can see, paged as AnnotationPages (`?page=n`, `?iris=1`), with `Prefer` (PreferMinimalContainer, PreferContainedIRIs, PreferContainedDescriptions), `ETag`, `Content-Location`, `Link`, `Allow`, `Accept-Post` and `Vary`. HEAD and OPTIONS too; CORS for any origin with a bearer token.',
    query: containerQuerySchema,
    responses: {
      200: { description: 'The container, or one of its pages.', contentTypes: ['application/ld+json'] },
      406: { description: 'The Accept header allows no JSON.', schema: apiErrorSchema },
    },
  },
  {
    method: 'post',
    path: '/api/v1/w3c/documents/{id}/',
    tag: 'Annotations',
    summary: 'Create an annotation from a W3C annotation (Web Annotation Protocol §5.1)',
    description:
      'The target must quote this document (TextQuoteSelector, with optional FragmentSelector and TextPositionSelector hints); tagging bodies are tags (none: claim); the commenting body is the note. The client’s `id` is kept as `via`, `canonical` as it is; the new IRI is in `Location`.',
    body: { schema: w3cAnnotationSchema, contentTypes: ['application/ld+json', 'application/json'] },
    responses: {
      201: { description: 'Created: the annotation as stored.', contentTypes: ['application/ld+json'] },
      415: { description: 'Not JSON-LD.', schema: apiErrorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/w3c/documents/{id}/groups/{groupId}/',
    tag: 'Annotations',
    summary: 'W3C Web Annotation Protocol container of a document and seminar',
    description:
      'An LDP Basic Container and AnnotationCollection of the annotations of the document shared with the seminar (members only), paged as AnnotationPages (`?page=n`, `?iris=1`), with `Prefer` (PreferMinimalContainer, PreferContainedIRIs, PreferContainedDescriptions), `ETag`, `Content-Location`, `Link`, `Allow`, `Accept-Post` and `Vary`. HEAD and OPTIONS too; CORS for any origin with a bearer token.',
    query: containerQuerySchema,
    responses: {
      200: { description: 'The container, or one of its pages.', contentTypes: ['application/ld+json'] },
      406: { description: 'The Accept header allows no JSON.', schema: apiErrorSchema },
    },
  },
  {
    method: 'post',
    path: '/api/v1/w3c/documents/{id}/groups/{groupId}/',
    tag: 'Annotations',
    summary: 'Create an annotation from a W3C annotation (Web Annotation Protocol §5.1)',
    description:
      'The target must quote this document (TextQuoteSelector, with optional FragmentSelector and TextPositionSelector hints); tagging bodies are tags (none: claim); the commenting body is the note. The client’s `id` is kept as `via`, `canonical` as it is; the new IRI is in `Location`.',
    body: { schema: w3cAnnotationSchema, contentTypes: ['application/ld+json', 'application/json'] },
    responses: {
      201: { description: 'Created: the annotation as stored.', contentTypes: ['application/ld+json'] },
      415: { description: 'Not JSON-LD.', schema: apiErrorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/w3c/documents/{id}/{annotationId}',
    tag: 'Annotations',
    summary: 'An annotation at its IRI, under its document’s container (W3C Web Annotation)',
    description:
      'The id that containers, exports and `Location` give an annotation. JSON-LD only, with `ETag`, `Link` (ldp#Resource), `Allow`, `Vary` and `Content-Location`; HEAD and OPTIONS too. `/api/v1/annotations/{annotationId}` answers the same to a JSON-LD Accept (an alias).',
    responses: {
      200: { description: 'A W3C Web Annotation.', contentTypes: ['application/ld+json'] },
      406: { description: 'The Accept header allows no JSON.', schema: apiErrorSchema },
    },
  },
  {
    method: 'put',
    path: '/api/v1/w3c/documents/{id}/{annotationId}',
    tag: 'Annotations',
    summary: 'Replace an annotation with a W3C annotation (Web Annotation Protocol §5.2)',
    description: 'Send `If-Match` with the ETag you read: without it 428, a stale one 412.',
    body: { schema: w3cAnnotationSchema, contentTypes: ['application/ld+json', 'application/json'] },
    responses: {
      200: { description: 'The annotation as stored.', contentTypes: ['application/ld+json'] },
      412: { description: 'The ETag is not the current one.', schema: apiErrorSchema },
      428: { description: 'No If-Match.', schema: apiErrorSchema },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/w3c/documents/{id}/{annotationId}',
    tag: 'Annotations',
    summary: 'Delete an annotation (Web Annotation Protocol §5.3; If-Match optional)',
    responses: {
      204: noContent,
      412: { description: 'The ETag is not the current one.', schema: apiErrorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/w3c/documents/{id}/{annotationId}/replies/{replyId}',
    tag: 'Replies',
    summary: 'A reply at its IRI: the reply as a W3C annotation (motivation replying)',
    responses: { 200: { description: 'A W3C Web Annotation.', contentTypes: ['application/ld+json'] } },
  },
];
