import 'server-only';
import { checkedNote } from '@/lib/import/import-note';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { placeQuote } from '@/lib/anchoring/place-quote';
import { annotationAppUrl, annotationIri } from '@/lib/export/iris';
import { annotationToJsonLd } from '@/lib/export/jsonld';
import type { ExportAnnotation } from '@/lib/export/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { type ProtocolAnnotation } from '@/lib/w3c/protocol-input';
import { etagOf, ifMatchSatisfied, type JsonLd } from '@/lib/w3c/protocol';
import { db } from '../db';
import { AppError, invalid, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, type AnnotationScope } from './annotation-access';
import { createAnnotation, deleteAnnotation, loadVisibleAnnotation, updateAnnotation } from './annotations';
import { resolveVisibleDocument } from './document-access';
import { ExportLookups, exportRecords, type DocumentInfo } from './export-records';
import { getVersionIndex } from './version-index';

// The W3C Web Annotation Protocol over Marginalia's annotations (docs/api.md, "W3C Web
// Annotation Protocol"; docs/adr/0012). Every read goes through the same visibility as the
// annotation list and the exports (annotationScope, loadVisibleAnnotation), every write
// through the same create/update/delete as the app's own API; this file only translates.

const DEFAULT_TAG = 'claim';

export interface Represented {
  body: JsonLd;
  text: string;
  etag: string;
}

export function represent(body: JsonLd): Represented {
  const text = JSON.stringify(body);
  return { body, text, etag: etagOf(text) };
}

async function documentInfo(documentId: string): Promise<DocumentInfo> {
  const doc = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, slug: true, title: true },
  });
  if (!doc) throw notFound('The document');
  return doc;
}

/** The export's formatter, made deterministic (its `generated` is the annotation's own
 * last change, so equal states give equal ETags), plus the protocol's canonical and via. */
function formatAnnotation(
  a: ExportAnnotation,
  baseUrl: string,
  links: { canonical: string | null; via: string | null },
): JsonLd[] {
  const [annotation, ...replies] = annotationToJsonLd(a, {
    baseUrl,
    generatedAt: a.updated,
    documentTitle: a.document.title,
  });
  if (links.canonical) annotation.canonical = links.canonical;
  if (links.via) annotation.via = links.via;
  return [annotation, ...replies];
}

async function linksOf(ids: string[]) {
  const rows = await db.annotation.findMany({
    where: { id: { in: ids } },
    select: { id: true, canonical: true, via: true },
  });
  return new Map(rows.map((r) => [r.id, { canonical: r.canonical, via: r.via }]));
}

/** One visible annotation, and its replies, as W3C annotations (404 when not visible). */
async function loadJsonLd(
  reader: Reader,
  id: string,
  baseUrl: string,
): Promise<{ items: JsonLd[]; rev: number }> {
  const { row, scope } = await loadVisibleAnnotation(reader, id);
  const doc = await documentInfo(row.documentId);
  const links = await linksOf([id]);
  for await (const batch of exportRecords(
    { AND: [scope.where, { id }] },
    scope,
    doc,
    new ExportLookups(),
    1,
  )) {
    if (batch[0]) return { items: formatAnnotation(batch[0], baseUrl, links.get(id)!), rev: row.rev };
  }
  throw notFound('The annotation');
}

/** An annotation addressed under a document's container (its IRI): it must be one of that
 * document's annotations that the reader sees, else it does not exist for them (404). */
export async function findInContainer(
  reader: Reader,
  documentIdOrSlug: string,
  annotationId: string,
): Promise<void> {
  const { row } = await loadVisibleAnnotation(reader, annotationId);
  const visible = await resolveVisibleDocument(reader, documentIdOrSlug);
  if (visible.id !== row.documentId) throw notFound('The annotation');
}

export async function getAnnotationJsonLd(reader: Reader, id: string, baseUrl: string): Promise<Represented> {
  const { items } = await loadJsonLd(reader, id, baseUrl);
  return represent(items[0]);
}

/** A reply as an annotation with motivation "replying" targeting its annotation. */
export async function getReplyJsonLd(
  reader: Reader,
  annotationId: string,
  replyId: string,
  baseUrl: string,
): Promise<Represented> {
  const { items } = await loadJsonLd(reader, annotationId, baseUrl);
  const reply = items
    .slice(1)
    .find((item) => typeof item.id === 'string' && item.id.endsWith(`/replies/${replyId}`));
  if (!reply) throw notFound('The reply');
  return represent(reply);
}

// ---- containers -----------------------------------------------------------------------

export interface ContainerScope {
  documentId: string;
  doc: DocumentInfo;
  scope: AnnotationScope;
  where: Prisma.AnnotationWhereInput;
  groupId: string | null;
  groupName: string | null;
}

/** The annotations a container holds: those of the document the reader sees, or of them
 * those shared with one seminar the reader belongs to (not a member: 404). */
export async function containerScope(
  reader: Reader,
  documentIdOrSlug: string,
  groupId: string | null,
): Promise<ContainerScope> {
  const visible = await resolveVisibleDocument(reader, documentIdOrSlug);
  const scope = await annotationScope(reader, visible.id);
  let groupName: string | null = null;
  if (groupId) {
    const membership = scope.memberships.find((m) => m.groupId === groupId);
    if (!membership) throw notFound('The seminar');
    groupName = membership.groupName;
  }
  const where: Prisma.AnnotationWhereInput = groupId ? { AND: [scope.where, { groupId }] } : scope.where;
  return { documentId: visible.id, doc: await documentInfo(visible.id), scope, where, groupId, groupName };
}

export async function containerFacts(c: ContainerScope) {
  const agg = await db.annotation.aggregate({
    where: c.where,
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return { total: agg._count._all, modified: agg._max.updatedAt };
}

/** The ids on one page, in the annotation list's order (document order, orphans last). */
async function pageIds(where: Prisma.AnnotationWhereInput, skip: number, take: number): Promise<string[]> {
  const ids: string[] = [];
  for (const phase of [
    { status: { not: 'ORPHANED' } },
    { status: 'ORPHANED' },
  ] satisfies Prisma.AnnotationWhereInput[]) {
    const inPhase = { AND: [where, phase] };
    const count = await db.annotation.count({ where: inPhase });
    if (skip >= count) {
      skip -= count;
      continue;
    }
    const rows = await db.annotation.findMany({
      where: inPhase,
      orderBy: [{ startIndex: 'asc' }, { startOffset: 'asc' }, { id: 'asc' }],
      skip,
      take: take - ids.length,
      select: { id: true },
    });
    ids.push(...rows.map((r) => r.id));
    skip = 0;
    if (ids.length >= take) break;
  }
  return ids;
}

/** A page's annotations as W3C annotations (replies are not members: they are
 * dereferenceable at their own IRIs), or as their IRIs. */
export async function containerItems(
  c: ContainerScope,
  baseUrl: string,
  page: number,
  pageSize: number,
  iris: boolean,
): Promise<(JsonLd | string)[]> {
  const ids = await pageIds(c.where, page * pageSize, pageSize);
  if (iris) return ids.map((id) => annotationIri(baseUrl, c.documentId, id));
  if (ids.length === 0) return [];
  const links = await linksOf(ids);
  const items: JsonLd[] = [];
  const where = { AND: [c.where, { id: { in: ids } }] };
  for await (const batch of exportRecords(where, c.scope, c.doc, new ExportLookups(), pageSize)) {
    for (const a of batch) {
      const [annotation] = formatAnnotation(a, baseUrl, links.get(a.id)!);
      delete annotation['@context'];
      items.push(annotation);
    }
  }
  return items;
}

// ---- writes ---------------------------------------------------------------------------

async function placeTarget(documentId: string, versionId: string, input: ProtocolAnnotation) {
  const { index } = await getVersionIndex(versionId);
  const placed = placeQuote(index, codePointMapping(index.text).fromCodePoints, input.item);
  if (!placed)
    throw invalid('The quote of the target was not found in this document.', {
      target: 'The TextQuoteSelector’s text is not in the current version of the document.',
    });
  const { start, end, exact, prefix, suffix } = placed.target;
  return { start, end, exact, prefix, suffix };
}

/** The note through the editor's allow-list, as an import reads it: HTML and Markdown bodies
 * keep their bold, italics, lists and links (lib/import/import-note.ts). */
function noteOf(input: ProtocolAnnotation) {
  const note = checkedNote(input.item.noteText, input.item.noteParts);
  if (!note.ok) throw invalid(`The note cannot be kept: ${note.reason}`, { body: note.reason });
  return note.doc ?? undefined;
}

function tagsOf(input: ProtocolAnnotation) {
  return input.item.tags.length > 0 ? input.item.tags : [DEFAULT_TAG];
}

/** §5.1: creates the annotation in the container; the server's IRI replaces the client's id,
 * which is kept as `via`, and `canonical` is kept as it came. */
export async function createFromProtocol(
  reader: Reader,
  c: ContainerScope,
  input: ProtocolAnnotation,
): Promise<string> {
  const visible = await resolveVisibleDocument(reader, c.documentId);
  if (!visible.currentVersionId) throw notFound('The document');
  const target = await placeTarget(c.documentId, visible.currentVersionId, input);
  const groupId = c.groupId ?? input.groupId ?? null;
  const view = await createAnnotation(reader, c.documentId, {
    target,
    tags: tagsOf(input),
    note: noteOf(input),
    groupId,
  });
  if (input.canonical || input.via) {
    await db.annotation.update({
      where: { id: view.id },
      data: { canonical: input.canonical ?? null, via: input.via ?? null },
    });
  }
  return view.id;
}

function preconditionFailed(): AppError {
  return new AppError(
    'PRECONDITION_FAILED',
    'The annotation has changed since you read it: get it again (new ETag).',
  );
}

/** §5.2: replaces the annotation; the If-Match ETag must be the current one. */
export async function replaceFromProtocol(
  reader: Reader,
  id: string,
  input: ProtocolAnnotation,
  ifMatch: string,
  baseUrl: string,
): Promise<void> {
  const { items, rev } = await loadJsonLd(reader, id, baseUrl);
  if (!ifMatchSatisfied(ifMatch, represent(items[0]).etag)) throw preconditionFailed();
  const stored = await db.annotation.findUniqueOrThrow({
    where: { id },
    select: { documentId: true, versionId: true, canonical: true, via: true },
  });
  // A client that sends back what it read names the annotation by its IRI or its alias.
  const isOwnIri = (iri: string) =>
    iri === annotationIri(baseUrl, stored.documentId, id) || iri === annotationAppUrl(baseUrl, id);
  // §5.2: canonical and via, once set, are not changed by an update.
  if (
    (stored.canonical && input.canonical && input.canonical !== stored.canonical) ||
    (stored.via && input.via && input.via !== stored.via && !isOwnIri(input.via))
  )
    throw invalid('"canonical" and "via" cannot be changed once set.', { canonical: 'Cannot be changed.' });
  const visible = await resolveVisibleDocument(reader, stored.documentId);
  const target = await placeTarget(stored.documentId, visible.currentVersionId ?? stored.versionId, input);
  try {
    await updateAnnotation(reader, id, {
      rev,
      target,
      tags: tagsOf(input),
      note: noteOf(input) ?? null,
      ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw preconditionFailed();
    throw error;
  }
  const via = stored.via ?? (input.via && !isOwnIri(input.via) ? input.via : null);
  const canonical = stored.canonical ?? input.canonical ?? null;
  if (via !== stored.via || canonical !== stored.canonical)
    await db.annotation.update({ where: { id }, data: { via, canonical } });
}

/** §5.3: deletes it; an If-Match, when sent, must be the current ETag. */
export async function deleteFromProtocol(
  reader: Reader,
  id: string,
  ifMatch: string | null,
  baseUrl: string,
): Promise<void> {
  if (ifMatch !== null) {
    const { items } = await loadJsonLd(reader, id, baseUrl);
    if (!ifMatchSatisfied(ifMatch, represent(items[0]).etag)) throw preconditionFailed();
  }
  await deleteAnnotation(reader, id);
}
