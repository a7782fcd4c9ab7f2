import { createHash } from 'node:crypto';

// The W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/) as pure
// functions: media types and headers, content negotiation, the Prefer header, ETags and
// If-Match, and the shapes of containers and their pages. The route handlers
// (app/api/v1/w3c/…, app/api/v1/annotations/[id]) and the data access layer
// (lib/server/dal/w3c-protocol.ts) put them together; docs/api.md describes the result.

export const ANNO_PROFILE = 'http://www.w3.org/ns/anno.jsonld';
export const LDP_CONTEXT = 'http://www.w3.org/ns/ldp.jsonld';
/** The protocol's media type (§4.1, §5.1): JSON-LD with the Web Annotation profile. */
export const ANNO_MEDIA_TYPE = `application/ld+json; profile="${ANNO_PROFILE}"`;

const LDP = 'http://www.w3.org/ns/ldp#';
export const PREFER_MINIMAL_CONTAINER = `${LDP}PreferMinimalContainer`;
export const PREFER_CONTAINED_IRIS = 'http://www.w3.org/ns/oa#PreferContainedIRIs';
export const PREFER_CONTAINED_DESCRIPTIONS = 'http://www.w3.org/ns/oa#PreferContainedDescriptions';

const CONSTRAINED_BY = `<http://www.w3.org/TR/annotation-protocol/>; rel="${LDP}constrainedBy"`;
/** §5.1: a container says it is an LDP Basic Container, constrained by the protocol. */
export const CONTAINER_LINK = `<${LDP}BasicContainer>; rel="type", ${CONSTRAINED_BY}`;
/** §4.1: an annotation says it is an LDP Resource. */
export const RESOURCE_LINK = `<${LDP}Resource>; rel="type"`;

export const CONTAINER_ALLOW = 'GET, HEAD, OPTIONS, POST';
export const ANNOTATION_ALLOW = 'GET, HEAD, OPTIONS, PUT, PATCH, DELETE';
export const READ_ONLY_ALLOW = 'GET, HEAD, OPTIONS';
/** What a container accepts to create an annotation (§5.1, LDP's Accept-Post). */
export const ACCEPT_POST = `${ANNO_MEDIA_TYPE}, application/ld+json, application/json`;

/** Annotations on one page of a container. */
export const CONTAINER_PAGE_SIZE = 50;

/** CORS for the protocol's routes: any origin may call them with a bearer token. Cookies
 * are never honoured cross-origin (no Allow-Credentials), and withReader still refuses a
 * cookie request from another origin. */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS, POST, PUT, DELETE',
  'access-control-allow-headers':
    'Authorization, Content-Type, Accept, If-Match, If-None-Match, Prefer, Slug, Idempotency-Key',
  'access-control-expose-headers':
    'ETag, Location, Link, Allow, Content-Location, Vary, Accept-Post, Preference-Applied',
  'access-control-max-age': '600',
};

// ---- content negotiation ---------------------------------------------------------------

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string | null): MediaRange[] {
  if (!accept || !accept.trim()) return [{ type: '*', subtype: '*', q: 1 }];
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',').slice(0, 50)) {
    const [mediaType, ...params] = part.split(';');
    const [type, subtype] = mediaType.trim().toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() === 'q') {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
      }
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The q the Accept header gives a media type: its most specific matching range wins. */
function qualityOf(ranges: MediaRange[], type: string, subtype: string): number {
  const exact = ranges.filter((r) => r.type === type && r.subtype === subtype);
  if (exact.length > 0) return Math.max(...exact.map((r) => r.q));
  const partial = ranges.filter((r) => r.type === type && r.subtype === '*');
  if (partial.length > 0) return Math.max(...partial.map((r) => r.q));
  const any = ranges.filter((r) => r.type === '*' && r.subtype === '*');
  return any.length > 0 ? Math.max(...any.map((r) => r.q)) : 0;
}

export type Representation = 'jsonld' | 'json';

/**
 * Which representation to send. A container has only JSON-LD (which is JSON, so
 * `application/json` takes it too); an annotation's IRI also has the app's own JSON, kept
 * for clients that ask for JSON or nothing in particular. Null: nothing acceptable (406).
 */
export function negotiate(accept: string | null, offered: 'container' | 'annotation'): Representation | null {
  const ranges = parseAccept(accept);
  const ld = qualityOf(ranges, 'application', 'ld+json');
  const json = qualityOf(ranges, 'application', 'json');
  const explicitLd = ranges.some((r) => r.type === 'application' && r.subtype === 'ld+json' && r.q > 0);
  if (offered === 'container') return Math.max(ld, json) > 0 ? 'jsonld' : null;
  if (explicitLd && ld >= json) return 'jsonld';
  if (json > 0) return 'json';
  return ld > 0 ? 'jsonld' : null;
}

// ---- Prefer (§5.3) --------------------------------------------------------------------

export interface ContainerPreference {
  /** pages list annotation IRIs instead of whole annotations */
  iris: boolean;
  /** the container without its first page embedded */
  minimal: boolean;
  /** whether a Prefer header asked for any of this (for Preference-Applied) */
  asked: boolean;
}

function preferenceIris(header: string, name: 'include' | 'omit'): string[] {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*"([^"]*)"`, 'i').exec(header);
  return match ? match[1].split(/\s+/).filter(Boolean) : [];
}

export function parsePrefer(header: string | null): ContainerPreference {
  if (!header || !/return\s*=\s*representation/i.test(header))
    return { iris: false, minimal: false, asked: false };
  const include = preferenceIris(header, 'include');
  const omit = preferenceIris(header, 'omit');
  const minimal = include.includes(PREFER_MINIMAL_CONTAINER);
  const iris =
    include.includes(PREFER_CONTAINED_IRIS) ||
    (omit.includes(PREFER_CONTAINED_DESCRIPTIONS) && !include.includes(PREFER_CONTAINED_DESCRIPTIONS));
  return { iris, minimal, asked: true };
}

// ---- ETags and If-Match ---------------------------------------------------------------

/** A strong ETag for a representation's exact bytes. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 32)}"`;
}

/** RFC 9110 §13.1.1: '*' or a list of strong ETags; a weak one never matches. */
export function ifMatchSatisfied(header: string, current: string): boolean {
  const value = header.trim();
  if (value === '*') return true;
  return value
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => !tag.startsWith('W/') && tag === current);
}

// ---- containers and pages (§5.2, §5.3) -------------------------------------------------

export type JsonLd = Record<string, unknown>;

export function containerIri(container: string, iris: boolean): string {
  return iris ? `${container}?iris=1` : container;
}

export function pageIri(container: string, iris: boolean, page: number): string {
  return `${container}?${iris ? 'iris=1&' : ''}page=${page}`;
}

export interface ContainerFacts {
  /** the container's IRI, ending in "/" */
  container: string;
  label: string;
  total: number;
  modified: Date | null;
  pageSize?: number;
}

export function lastPageOf(total: number, pageSize = CONTAINER_PAGE_SIZE): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1);
}

/** One page: `items` are whole annotations, or their IRIs when `iris`. */
export function pageBody(
  facts: ContainerFacts,
  iris: boolean,
  page: number,
  items: (JsonLd | string)[],
  withContext: boolean,
): JsonLd {
  const size = facts.pageSize ?? CONTAINER_PAGE_SIZE;
  const last = lastPageOf(facts.total, size);
  const body: JsonLd = withContext ? { '@context': ANNO_PROFILE } : {};
  Object.assign(body, {
    id: pageIri(facts.container, iris, page),
    type: 'AnnotationPage',
    partOf: {
      id: containerIri(facts.container, iris),
      total: facts.total,
      ...(facts.modified ? { modified: facts.modified.toISOString() } : {}),
    },
    startIndex: page * size,
  });
  if (page < last) body.next = pageIri(facts.container, iris, page + 1);
  if (page > 0) body.prev = pageIri(facts.container, iris, page - 1);
  body.items = items;
  return body;
}

/** The container: an LDP Basic Container that is also an AnnotationCollection, with its
 * first page embedded unless the client preferred a minimal container. */
export function containerBody(
  facts: ContainerFacts,
  preference: ContainerPreference,
  firstPage: JsonLd | null,
): JsonLd {
  const size = facts.pageSize ?? CONTAINER_PAGE_SIZE;
  const body: JsonLd = {
    '@context': [ANNO_PROFILE, LDP_CONTEXT],
    id: containerIri(facts.container, preference.iris),
    type: ['BasicContainer', 'AnnotationCollection'],
    label: facts.label,
    total: facts.total,
  };
  if (facts.modified) body.modified = facts.modified.toISOString();
  if (facts.total > 0) {
    body.first = preference.minimal || !firstPage ? pageIri(facts.container, preference.iris, 0) : firstPage;
    body.last = pageIri(facts.container, preference.iris, lastPageOf(facts.total, size));
  }
  return body;
}

// ---- IRIs of the containers --------------------------------------------------------------

const trim = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** A document's container, or the container of its annotations shared with one seminar. */
export function documentContainerIri(baseUrl: string, documentId: string, groupId?: string | null): string {
  const doc = `${trim(baseUrl)}/api/v1/w3c/documents/${encodeURIComponent(documentId)}/`;
  return groupId ? `${doc}groups/${encodeURIComponent(groupId)}/` : doc;
}

/** Paths that are containers: they end in "/", every other path does not (proxy.ts). */
export const CONTAINER_PATH = /^\/api\/v1\/w3c\/documents\/[^/]+\/(groups\/[^/]+\/)?$/;
