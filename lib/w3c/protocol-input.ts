import { isObject, type ImportedAnnotation, type JsonObject } from './import-types';
import { isUri } from './formats';
import { extractW3CAnnotation } from './import-w3c';

// A W3C Web Annotation sent to the protocol server (POST to a container, PUT to an
// annotation), read with the importer's own parsing (import-w3c.ts, selectors.ts), so that
// the protocol accepts exactly what the importer would place.

/** The id a posted annotation is checked with when it has none of its own: the model
 * requires an id, the protocol lets a client leave it to the server (§5.1). */
const PLACEHOLDER_ID = 'urn:x-marginalia:unsaved';
const IRI_MAX = 2000;

export interface ProtocolAnnotation {
  /** the quote and its hints, ready for lib/anchoring's placeQuote */
  item: ImportedAnnotation;
  /** §5.1: kept without change */
  canonical?: string;
  /** §5.1: the id the client sent (or its own `via`) */
  via?: string;
  /** `mg:group` / `mg:visibility`: the seminar to share with; null = private; undefined = not said */
  groupId?: string | null;
}

export type ReadResult = { ok: true; value: ProtocolAnnotation } | { ok: false; reason: string };

function optionalIri(anno: JsonObject, key: 'canonical' | 'via' | 'id'): string | undefined | false {
  const value = anno[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > IRI_MAX || !isUri(value)) return false;
  return value;
}

const GROUP_IRI = /\/groups\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function groupOf(anno: JsonObject): string | null | undefined {
  const group = anno['mg:group'];
  const id = isObject(group) ? group.id : group;
  if (typeof id === 'string') {
    const match = GROUP_IRI.exec(id);
    if (match) return match[1].toLowerCase();
  }
  if (anno['mg:visibility'] === 'private') return null;
  return undefined;
}

export function readProtocolAnnotation(body: unknown): ReadResult {
  if (!isObject(body))
    return { ok: false, reason: 'The body must be one W3C Web Annotation (a JSON object).' };
  const id = optionalIri(body, 'id');
  const canonical = optionalIri(body, 'canonical');
  const via = optionalIri(body, 'via');
  if (id === false || canonical === false || via === false)
    return { ok: false, reason: '"id", "canonical" and "via" must be IRIs (at most 2,000 characters).' };
  const checked = id === undefined ? { ...body, id: PLACEHOLDER_ID } : body;
  const extracted = extractW3CAnnotation(checked, new Set());
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  if (extracted.item.replyTo || !extracted.item.exact)
    return {
      ok: false,
      reason: 'The target must be text of this document (a TextQuoteSelector); replies go to …/replies.',
    };
  const value: ProtocolAnnotation = { item: extracted.item };
  if (canonical) value.canonical = canonical;
  const previous = id ?? via;
  if (previous) value.via = previous;
  const groupId = groupOf(body);
  if (groupId !== undefined) value.groupId = groupId;
  return { ok: true, value };
}
