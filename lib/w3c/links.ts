// Argument links as W3C Web Annotations: motivation `linking`, the two annotations as the
// targets, the relation as a `classifying` body whose source is a term of Marginalia's own
// namespace (`mg:supports`), the link's note as a `commenting` body. JSON-LD arrays are
// unordered, so the direction is also said with `mg:linkFrom` and `mg:linkTo`. The import
// reads them back (idempotently: a link's id in the file becomes its `sourceId`).
import { jsonLdContext, type JsonLdObject } from '@/lib/export/jsonld';
import { annotationIri, groupIri, trimBaseUrl, userIri, vocabularyIri } from '@/lib/export/iris';
import { firstString, isObject, toArray, type JsonObject } from './import-types';

export interface ExportLink {
  id: string;
  /** the document both ends are on */
  documentId: string;
  fromId: string;
  toId: string;
  relation: string;
  note: string;
  author: { id: string; name: string };
  group: { id: string; name: string } | null;
  created: Date;
  updated: Date;
}

export function linkIri(baseUrl: string, linkId: string): string {
  return `${trimBaseUrl(baseUrl)}/api/v1/links/${encodeURIComponent(linkId)}`;
}

// A relation is `{base}/ns#relation/{slug}` in the `mg:` vocabulary of the installation that
// wrote the file; any installation's reads back.
const relationIri = (baseUrl: string, slug: string) =>
  `${vocabularyIri(baseUrl)}relation/${encodeURIComponent(slug)}`;
const RELATION_IRI = /\/ns#relation\/([^/#?]+)$/;

export function linkToJsonLd(link: ExportLink, baseUrl: string): JsonLdObject {
  const from = annotationIri(baseUrl, link.documentId, link.fromId);
  const to = annotationIri(baseUrl, link.documentId, link.toId);
  const body: JsonLdObject[] = [
    {
      type: 'SpecificResource',
      purpose: 'classifying',
      source: relationIri(baseUrl, link.relation),
    },
  ];
  if (link.note.trim())
    body.push({ type: 'TextualBody', purpose: 'commenting', value: link.note, format: 'text/plain' });
  const anno: JsonLdObject = {
    '@context': jsonLdContext(baseUrl),
    id: linkIri(baseUrl, link.id),
    type: 'Annotation',
    motivation: 'linking',
    created: link.created.toISOString(),
    modified: link.updated.toISOString(),
    creator: { id: userIri(baseUrl, link.author.id), type: 'Person', name: link.author.name },
    body,
    target: [from, to],
    'mg:linkFrom': from,
    'mg:linkTo': to,
    'mg:relation': link.relation,
    'mg:visibility': link.group ? 'group' : 'private',
  };
  if (link.group) anno['mg:group'] = { id: groupIri(baseUrl, link.group.id), name: link.group.name };
  return anno;
}

/** A link read from a file: the ids (IRIs) of its two ends as the file names them. */
export interface ImportedLink {
  sourceId: string;
  from: string;
  to: string;
  relation: string;
  note: string;
}

export function isLinkingAnnotation(value: unknown): boolean {
  return isObject(value) && toArray(value.motivation).includes('linking');
}

function relationOf(anno: JsonObject): string | undefined {
  const own = firstString(anno['mg:relation']);
  if (own) return own;
  for (const body of toArray(anno.body)) {
    if (!isObject(body) || body.purpose !== 'classifying') continue;
    const source = firstString(body.source) ?? firstString(body.id);
    const relation = source ? RELATION_IRI.exec(source) : null;
    if (relation) return decodeURIComponent(relation[1]);
    if (source?.startsWith('mg:')) return source.slice(3).replace(/^relation\//, '');
  }
  return undefined;
}

/** A `linking` annotation between two annotations of the file (or of an earlier import), or
 * null when it is not one Marginalia can read back. */
export function readLinkingAnnotation(value: unknown): ImportedLink | null {
  if (!isObject(value) || !isLinkingAnnotation(value)) return null;
  const sourceId = firstString(value.id);
  const targets = toArray(value.target).flatMap((t) => {
    const iri =
      typeof t === 'string' ? t : isObject(t) ? (firstString(t.id) ?? firstString(t.source)) : undefined;
    return iri ? [iri] : [];
  });
  const from = firstString(value['mg:linkFrom']) ?? targets[0];
  const to = firstString(value['mg:linkTo']) ?? targets[1];
  const relation = relationOf(value);
  if (!sourceId || !from || !to || from === to || !relation) return null;
  const note = toArray(value.body).find((b) => isObject(b) && b.purpose === 'commenting');
  return {
    sourceId,
    from,
    to,
    relation: relation.toLowerCase(),
    note: isObject(note) ? (firstString(note.value) ?? '') : '',
  };
}

/** Every linking annotation of an import file (a single one, an array, a collection or a page). */
export function collectLinkingAnnotations(json: unknown): ImportedLink[] {
  const found: ImportedLink[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    if (!isObject(value)) return;
    const link = readLinkingAnnotation(value);
    if (link) return void found.push(link);
    for (const key of ['first', 'items', 'next'] as const) if (key in value) visit(value[key], depth + 1);
  };
  visit(json, 0);
  return found;
}

/** The links as items of a streamed AnnotationPage (lib/export/jsonld.ts writes one JSON
 * object per line); `isFirst` when nothing was written before them. */
export function linkJsonLdItems(links: readonly ExportLink[], baseUrl: string, isFirst: boolean): string {
  return links
    .map((l, i) => `${isFirst && i === 0 ? '' : ','}\n      ${JSON.stringify(linkToJsonLd(l, baseUrl))}`)
    .join('');
}
