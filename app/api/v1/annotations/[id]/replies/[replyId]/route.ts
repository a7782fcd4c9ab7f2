import { replyParamsSchema as params } from '@/lib/w3c/schemas';
import { withReader } from '@/lib/server/api';
import { annotationHeaders, headOf, optionsFor, readReply, withCors } from '@/lib/server/w3c-handlers';

/** A reply's IRI in W3C exports: the reply as a W3C annotation (motivation "replying"). */
export const GET = withCors(
  withReader({ params }, ({ reader, params, request }) => readReply(reader, params, request)),
);
export const HEAD = headOf(GET);
export const OPTIONS = optionsFor('GET, HEAD, OPTIONS', annotationHeaders('GET, HEAD, OPTIONS'));
