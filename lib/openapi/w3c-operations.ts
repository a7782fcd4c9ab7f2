// The W3C Web Annotation Protocol's operations: a document's container, a document's and
// seminar's, and an annotation and reply at their IRIs under the container (docs/adr/0012).
import { apiErrorSchema } from '@/lib/errors/schemas';
import { containerQuerySchema, w3cAnnotationSchema } from '@/lib/w3c/schemas';
import type { OperationSpec, ResponseSpec } from './operations';

const noContent: ResponseSpec = { description: 'Done (no body).' };

const W3C_IN = ['application/ld+json', 'application/json'];
const W3C_OUT = ['application/ld+json'];
const PROTOCOL_HEADERS =
  'paged as AnnotationPages (`?page=n`, `?iris=1`), with `Prefer` (PreferMinimalContainer, PreferContainedIRIs, PreferContainedDescriptions), `ETag`, `Content-Location`, `Link`, `Allow`, `Accept-Post` and `Vary`. HEAD and OPTIONS too; CORS for any origin with a bearer token.';

/** GET and POST of a container: `holds` says which annotations it has. */
function containerOperations(path: string, summary: string, holds: string): OperationSpec[] {
  return [
    {
      method: 'get',
      path,
      tag: 'Annotations',
      summary,
      description: `An LDP Basic Container and AnnotationCollection of ${holds}, ${PROTOCOL_HEADERS}`,
      query: containerQuerySchema,
      responses: {
        200: { description: 'The container, or one of its pages.', contentTypes: W3C_OUT },
        406: { description: 'The Accept header allows no JSON.', schema: apiErrorSchema },
      },
    },
    {
      method: 'post',
      path,
      tag: 'Annotations',
      summary: 'Create an annotation from a W3C annotation (Web Annotation Protocol §5.1)',
      description:
        'The target must quote this document (TextQuoteSelector, with optional FragmentSelector and TextPositionSelector hints); tagging bodies are tags (none: claim); the commenting body is the note. The client’s `id` is kept as `via`, `canonical` as it is; the new IRI, under the container, is in `Location`.',
      body: { schema: w3cAnnotationSchema, contentTypes: W3C_IN },
      responses: {
        201: { description: 'Created: the annotation as stored.', contentTypes: W3C_OUT },
        415: { description: 'Not JSON-LD.', schema: apiErrorSchema },
      },
    },
  ];
}

export const w3cOperations: OperationSpec[] = [
  ...containerOperations(
    '/api/v1/w3c/documents/{id}/',
    'W3C Web Annotation Protocol container of a document',
    'every annotation of the document you can see',
  ),
  ...containerOperations(
    '/api/v1/w3c/documents/{id}/groups/{groupId}/',
    'W3C Web Annotation Protocol container of a document and seminar',
    'the annotations of the document shared with the seminar (members only)',
  ),
  {
    method: 'get',
    path: '/api/v1/w3c/documents/{id}/{annotationId}',
    tag: 'Annotations',
    summary: 'An annotation at its IRI, under its document’s container (W3C Web Annotation)',
    description:
      'The id that containers, exports and `Location` give an annotation. JSON-LD only, with `ETag`, `Link` (ldp#Resource), `Allow`, `Vary` and `Content-Location`; HEAD and OPTIONS too. `/api/v1/annotations/{annotationId}` answers the same to a JSON-LD Accept (an alias).',
    responses: {
      200: { description: 'A W3C Web Annotation.', contentTypes: W3C_OUT },
      406: { description: 'The Accept header allows no JSON.', schema: apiErrorSchema },
    },
  },
  {
    method: 'put',
    path: '/api/v1/w3c/documents/{id}/{annotationId}',
    tag: 'Annotations',
    summary: 'Replace an annotation with a W3C annotation (Web Annotation Protocol §5.2)',
    description: 'Send `If-Match` with the ETag you read: without it 428, a stale one 412.',
    body: { schema: w3cAnnotationSchema, contentTypes: W3C_IN },
    responses: {
      200: { description: 'The annotation as stored.', contentTypes: W3C_OUT },
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
    responses: { 200: { description: 'A W3C Web Annotation.', contentTypes: W3C_OUT } },
  },
];
