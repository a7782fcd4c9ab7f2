import 'server-only';
import type { ZodType } from 'zod';
import { JSON_BODY_MAX_BYTES } from '@/lib/limits';
import { readProtocolAnnotation, type ProtocolAnnotation } from '@/lib/w3c/protocol-input';
import {
  ACCEPT_POST,
  ANNO_MEDIA_TYPE,
  CONTAINER_LINK,
  CONTAINER_PAGE_SIZE,
  CORS_HEADERS,
  RESOURCE_LINK,
  containerBody,
  documentContainerIri,
  negotiate,
  pageBody,
  parsePrefer,
  type Representation,
} from '@/lib/w3c/protocol';
import { containerQuerySchema, type ContainerQuery } from '@/lib/w3c/schemas';
import { withReader } from './api';
import {
  containerFacts,
  containerItems,
  containerScope,
  createFromProtocol,
  deleteFromProtocol,
  getAnnotationJsonLd,
  getReplyJsonLd,
  replaceFromProtocol,
  represent,
  type Represented,
} from './dal/w3c-protocol';
import { AppError, invalid } from './errors';
import type { Reader } from './session';

// The W3C Web Annotation Protocol's HTTP side: headers, negotiation, paging, CORS. The
// routes under app/api/v1/w3c and app/api/v1/annotations/[id] are one line each over these
// (and over w3c-contained-routes.ts, an annotation at its IRI under its container).

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, context: RouteContext) => Promise<Response>;

/** IRIs must not depend on how a client spelled the host (as in the exports). */
export function publicBaseUrl(request: Request): string {
  return process.env.BETTER_AUTH_URL ?? new URL(request.url).origin;
}

/** Adds the CORS headers to whatever the handler answers, errors included. */
export function withCors(handler: Handler): Handler {
  return async (request, context) => {
    const response = await handler(request, context);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** HEAD: the GET's status and headers without its body. */
export function headOf(get: Handler): Handler {
  return async (request, context) => {
    const response = await get(
      new Request(request.url, { method: 'GET', headers: request.headers }),
      context,
    );
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  };
}

/** OPTIONS: what the resource allows, and the CORS preflight's answer (no credentials needed). */
export function optionsFor(allow: string, extra: Record<string, string> = {}): Handler {
  return withCors(async () => new Response(null, { status: 204, headers: { allow, ...extra } }));
}

export function notAcceptable(): AppError {
  return new AppError(
    'NOT_ACCEPTABLE',
    `This resource is JSON-LD: ask for ${ANNO_MEDIA_TYPE} (or application/json).`,
  );
}

/** The JSON-LD answer with the protocol's headers; 304 when If-None-Match already has it. */
export function jsonLdResponse(
  request: Request,
  represented: Represented,
  headers: Record<string, string>,
  status = 200,
): Response {
  const all = {
    'content-type': ANNO_MEDIA_TYPE,
    etag: represented.etag,
    'cache-control': 'private, no-cache',
    ...headers,
  };
  const noneMatch = request.headers.get('if-none-match');
  if (status === 200 && noneMatch && noneMatch.split(',').some((t) => t.trim() === represented.etag))
    return new Response(null, { status: 304, headers: all });
  return new Response(represented.text, { status, headers: all });
}

export function annotationHeaders(allow: string): Record<string, string> {
  return { link: RESOURCE_LINK, allow, vary: 'Accept' };
}

/** The body of a POST or PUT: JSON(-LD) only, one W3C annotation, read as the importer reads. */
export async function readAnnotationBody(request: Request): Promise<ProtocolAnnotation> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/ld+json' && type !== 'application/json')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the annotation as ${ANNO_MEDIA_TYPE}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await request.text());
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  const read = readProtocolAnnotation(parsed);
  if (!read.ok) throw invalid(read.reason, { body: read.reason });
  return read.value;
}

// ---- containers -------------------------------------------------------------------------

type ContainerParams = { id: string; groupId?: string };

const containerHeaders = (location: string) => ({
  link: CONTAINER_LINK,
  allow: 'GET, HEAD, OPTIONS, POST',
  'accept-post': ACCEPT_POST,
  vary: 'Accept, Prefer',
  'content-location': location,
});

async function readContainer(
  reader: Reader,
  params: ContainerParams,
  query: ContainerQuery,
  request: Request,
): Promise<Response> {
  const representation: Representation | null = negotiate(request.headers.get('accept'), 'container');
  if (!representation) throw notAcceptable();
  const baseUrl = publicBaseUrl(request);
  const c = await containerScope(reader, params.id, params.groupId ?? null);
  const facts = {
    ...(await containerFacts(c)),
    container: documentContainerIri(baseUrl, c.documentId, c.groupId),
    label: c.groupName
      ? `Annotations on “${c.doc.title}” shared with ${c.groupName}`
      : `Annotations on “${c.doc.title}”`,
    pageSize: CONTAINER_PAGE_SIZE,
  };
  const preference = parsePrefer(request.headers.get('prefer'));
  const iris = query.iris !== undefined ? query.iris === '1' : preference.iris;
  const applied: Record<string, string> = preference.asked
    ? { 'preference-applied': 'return=representation' }
    : {};
  if (query.page !== undefined) {
    const items = await containerItems(c, baseUrl, query.page, CONTAINER_PAGE_SIZE, iris);
    if (query.page > 0 && items.length === 0) throw new AppError('NOT_FOUND', 'There is no such page.');
    const page = represent(pageBody(facts, iris, query.page, items, true));
    return jsonLdResponse(request, page, containerHeaders(String(page.body.id)));
  }
  const minimal = preference.minimal;
  const first =
    minimal || facts.total === 0
      ? null
      : pageBody(facts, iris, 0, await containerItems(c, baseUrl, 0, CONTAINER_PAGE_SIZE, iris), false);
  const container = represent(containerBody(facts, { ...preference, iris, minimal }, first));
  return jsonLdResponse(request, container, {
    ...containerHeaders(String(container.body.id)),
    ...applied,
  });
}

async function postToContainer(reader: Reader, params: ContainerParams, request: Request): Promise<Response> {
  const input = await readAnnotationBody(request);
  const baseUrl = publicBaseUrl(request);
  const c = await containerScope(reader, params.id, params.groupId ?? null);
  const id = await createFromProtocol(reader, c, input);
  const created = await getAnnotationJsonLd(reader, id, baseUrl);
  return jsonLdResponse(
    request,
    created,
    { ...annotationHeaders('GET, HEAD, OPTIONS, PUT, PATCH, DELETE'), location: String(created.body.id) },
    201,
  );
}

/** GET, HEAD, OPTIONS and POST of a container (a document's, or a document's and seminar's). */
export function containerRoute<P extends ContainerParams>(params: ZodType<P>) {
  const GET = withCors(
    withReader({ params, query: containerQuerySchema }, ({ reader, params, query, request }) =>
      readContainer(reader, params, query, request),
    ),
  );
  const POST = withCors(
    withReader({ params, rawBody: true, maxBodyBytes: JSON_BODY_MAX_BYTES }, ({ reader, params, request }) =>
      postToContainer(reader, params, request),
    ),
  );
  const OPTIONS = optionsFor('GET, HEAD, OPTIONS, POST', {
    link: CONTAINER_LINK,
    'accept-post': ACCEPT_POST,
    vary: 'Accept, Prefer',
  });
  return { GET, HEAD: headOf(GET), POST, OPTIONS };
}

// ---- one annotation, its replies ------------------------------------------------------------

export const ANNOTATION_ALLOW_HEADER = 'GET, HEAD, OPTIONS, PUT, PATCH, DELETE';

/** The W3C annotation with the protocol's headers; Content-Location names its IRI (under
 * its document's container), also when it was asked for at the app's alias address. */
export async function annotationJsonLdResponse(
  reader: Reader,
  id: string,
  request: Request,
  headers: Record<string, string>,
): Promise<Response> {
  const represented = await getAnnotationJsonLd(reader, id, publicBaseUrl(request));
  return jsonLdResponse(request, represented, {
    ...headers,
    'content-location': String(represented.body.id),
  });
}

/** GET of an annotation's app address (the alias of its IRI): the W3C annotation when
 * JSON-LD is asked for, else the app's own JSON (what its clients have always had), both
 * with the protocol's headers. */
export async function readAnnotation(
  reader: Reader,
  id: string,
  request: Request,
  appView: () => Promise<object>,
): Promise<Response> {
  const representation = negotiate(request.headers.get('accept'), 'annotation');
  if (!representation) throw notAcceptable();
  const headers = annotationHeaders(ANNOTATION_ALLOW_HEADER);
  if (representation === 'jsonld') return annotationJsonLdResponse(reader, id, request, headers);
  const text = JSON.stringify(await appView());
  const etag = represent({ text }).etag.replace(/^"/, '"app-');
  return new Response(text, {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', etag, ...headers },
  });
}

/** PUT (§5.2): the whole new annotation, with the If-Match of the one it replaces. */
export async function replaceAnnotation(
  reader: Reader,
  id: string,
  request: Request,
  allow = ANNOTATION_ALLOW_HEADER,
): Promise<Response> {
  const ifMatch = request.headers.get('if-match');
  if (!ifMatch)
    throw new AppError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag of the annotation you replace.');
  const input = await readAnnotationBody(request);
  const baseUrl = publicBaseUrl(request);
  await replaceFromProtocol(reader, id, input, ifMatch, baseUrl);
  return annotationJsonLdResponse(reader, id, request, annotationHeaders(allow));
}

/** DELETE (§5.3), with an optional If-Match. */
export async function removeAnnotation(reader: Reader, id: string, request: Request): Promise<Response> {
  await deleteFromProtocol(reader, id, request.headers.get('if-match'), publicBaseUrl(request));
  return new Response(null, { status: 204 });
}

/** GET of a reply's IRI: an annotation with motivation "replying" on its annotation. */
export async function readReply(
  reader: Reader,
  params: { id: string; replyId: string },
  request: Request,
): Promise<Response> {
  if (!negotiate(request.headers.get('accept'), 'container')) throw notAcceptable();
  const reply = await getReplyJsonLd(reader, params.id, params.replyId, publicBaseUrl(request));
  return jsonLdResponse(request, reply, {
    ...annotationHeaders('GET, HEAD, OPTIONS'),
    'content-location': String(reply.body.id),
  });
}
