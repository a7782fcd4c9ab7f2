import { userParamsSchema as params } from '@/lib/w3c/schemas';
import { withReader } from '@/lib/server/api';
import { getCreatorJsonLd } from '@/lib/server/dal/creators';
import { represent } from '@/lib/server/dal/w3c-protocol';
import {
  annotationHeaders,
  headOf,
  jsonLdResponse,
  notAcceptable,
  optionsFor,
  publicBaseUrl,
  withCors,
} from '@/lib/server/w3c-handlers';
import { negotiate } from '@/lib/w3c/protocol';

/** A creator's IRI in W3C exports: a Person with a name, for those who may see it. */
export const GET = withCors(
  withReader({ params }, async ({ reader, params, request }) => {
    if (!negotiate(request.headers.get('accept'), 'container')) throw notAcceptable();
    const person = await getCreatorJsonLd(reader, params.id, publicBaseUrl(request));
    return jsonLdResponse(request, represent(person), annotationHeaders('GET, HEAD, OPTIONS'));
  }),
);
export const HEAD = headOf(GET);
export const OPTIONS = optionsFor('GET, HEAD, OPTIONS');
