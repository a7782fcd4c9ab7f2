import 'server-only';
import { negotiate } from '@/lib/w3c/protocol';
import { containedAnnotationParamsSchema, containedReplyParamsSchema } from '@/lib/w3c/schemas';
import { JSON_BODY_MAX_BYTES } from '@/lib/limits';
import { withReader } from './api';
import { findInContainer } from './dal/w3c-protocol';
import {
  annotationHeaders,
  annotationJsonLdResponse,
  headOf,
  notAcceptable,
  optionsFor,
  readReply,
  removeAnnotation,
  replaceAnnotation,
  withCors,
} from './w3c-handlers';

// An annotation at its IRI, /api/v1/w3c/documents/{documentId}/{annotationId}, and its replies
// under it (docs/adr/0012). The same reads and writes as at the app's alias address
// /api/v1/annotations/{id}, but only JSON-LD (this is the protocol's resource, not the app's),
// and only for an annotation of that document: any other id does not exist here (404).

const ALLOW = 'GET, HEAD, OPTIONS, PUT, DELETE';

export function containedAnnotationRoute() {
  const params = containedAnnotationParamsSchema;
  const GET = withCors(
    withReader({ params }, async ({ reader, params, request }) => {
      if (!negotiate(request.headers.get('accept'), 'container')) throw notAcceptable();
      await findInContainer(reader, params.id, params.annotationId);
      return annotationJsonLdResponse(reader, params.annotationId, request, annotationHeaders(ALLOW));
    }),
  );
  const PUT = withCors(
    withReader(
      { params, rawBody: true, maxBodyBytes: JSON_BODY_MAX_BYTES },
      async ({ reader, params, request }) => {
        await findInContainer(reader, params.id, params.annotationId);
        return replaceAnnotation(reader, params.annotationId, request, ALLOW);
      },
    ),
  );
  const DELETE = withCors(
    withReader({ params }, async ({ reader, params, request }) => {
      await findInContainer(reader, params.id, params.annotationId);
      return removeAnnotation(reader, params.annotationId, request);
    }),
  );
  const OPTIONS = optionsFor(ALLOW, annotationHeaders(ALLOW));
  return { GET, HEAD: headOf(GET), PUT, DELETE, OPTIONS };
}

export function containedReplyRoute() {
  const GET = withCors(
    withReader({ params: containedReplyParamsSchema }, async ({ reader, params, request }) => {
      await findInContainer(reader, params.id, params.annotationId);
      return readReply(reader, { id: params.annotationId, replyId: params.replyId }, request);
    }),
  );
  const allow = 'GET, HEAD, OPTIONS';
  return { GET, HEAD: headOf(GET), OPTIONS: optionsFor(allow, annotationHeaders(allow)) };
}
