import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { withReader } from '@/lib/server/api';
import { resolveDocumentId } from '@/lib/server/dal/documents';
import { openEventStream } from '@/lib/server/events';

/** Server-Sent Events: `annotation` and `reply` changes ({ op, id, annotationId? }) that
 * the caller may see on this document, `resync` when the page should reload its list. */
export const GET = withReader({ params }, async ({ reader, params, request }) =>
  openEventStream(reader, await resolveDocumentId(reader, params.id), request.signal),
);
