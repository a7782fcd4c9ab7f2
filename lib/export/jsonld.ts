import { noteToHtml } from '@/lib/notes';
import type { ExportAnnotation, ExportContext, ExportReply } from './types';
import { documentIri, annotationIri, replyIri, userIri, groupIri, trimBaseUrl, vocabularyIri } from './iris';

// W3C Web Annotation JSON-LD. The export is one AnnotationCollection whose "first" is an
// embedded AnnotationPage; its "items" array is written one annotation at a time, so the
// caller can stream 100,000 annotations from a cursor:
//   jsonLdStart(...) + jsonLdItem(a1, ctx, true) + jsonLdItem(a2, ctx, false) + … + jsonLdEnd()

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
// The suite requires the anno context to be the value of @context or an item of an array.
// "mg:" is Marginalia's own terms (visibility, group, anchoring state), a JSON-LD document
// the app serves at its IRI (app/ns/route.ts).
export function jsonLdContext(baseUrl: string): unknown[] {
  return [ANNO_CONTEXT, { mg: vocabularyIri(baseUrl) }];
}

export type JsonLdObject = Record<string, unknown>;

function generatorOf(baseUrl: string): JsonLdObject {
  return { id: `${baseUrl}/`, type: 'Software', name: 'Marginalia', homepage: `${baseUrl}/` };
}

/** A note as a body: plain text, or a Choice of plain text (the default) and HTML. */
function noteBody(text: string, doc: ExportAnnotation['noteDoc'], purpose?: string): JsonLdObject {
  const plain: JsonLdObject = { type: 'TextualBody', value: text, format: 'text/plain' };
  if (purpose) plain.purpose = purpose;
  const html = doc ? noteToHtml(doc) : '';
  if (!html) return plain;
  const rich: JsonLdObject = { type: 'TextualBody', value: html, format: 'text/html' };
  if (purpose) rich.purpose = purpose;
  // The suite forbids a purpose on the Choice itself: it goes on each alternative.
  return { type: 'Choice', items: [plain, rich] };
}

// Selectors are in the page text: the reader page's <article> text, blocks joined by one
// "\n" (docs/api.md, "Which text offsets refer to"); the ExportAnnotation carries them so.
function selectorsOf(a: ExportAnnotation): JsonLdObject[] {
  const quote: JsonLdObject = { type: 'TextQuoteSelector', exact: a.exact };
  if (a.prefix) quote.prefix = a.prefix;
  if (a.suffix) quote.suffix = a.suffix;
  const position = [{ type: 'TextPositionSelector', start: a.position.start, end: a.position.end }];
  if (a.start.block !== a.end.block) {
    // "Block refined by quote" would claim the quote lies inside one block; a quote across
    // blocks is located in the whole page text instead (its context too).
    return [quote, ...position];
  }
  const fragment = {
    type: 'FragmentSelector',
    conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
    value: a.paragraph,
    refinedBy: quote,
  };
  return [fragment, ...position];
}

function replyToJsonLd(reply: ExportReply, a: ExportAnnotation, baseUrl: string): JsonLdObject {
  const obj: JsonLdObject = {
    '@context': jsonLdContext(baseUrl),
    id: replyIri(baseUrl, a.document.id, a.id, reply.id),
    type: 'Annotation',
    motivation: 'replying',
    created: reply.created.toISOString(),
    modified: reply.updated.toISOString(),
    creator: { type: 'Person', name: reply.authorName },
  };
  if (reply.bodyText.trim().length > 0) obj.body = noteBody(reply.bodyText, reply.bodyDoc);
  obj.target = annotationIri(baseUrl, a.document.id, a.id);
  if (reply.hidden) obj['mg:hidden'] = true;
  return obj;
}

/** The annotation as a W3C Web Annotation, followed by one "replying" annotation per reply. */
export function annotationToJsonLd(a: ExportAnnotation, ctx: ExportContext): JsonLdObject[] {
  const baseUrl = trimBaseUrl(ctx.baseUrl);
  const hasNote = a.noteText.trim().length > 0;
  const body: JsonLdObject[] = [];
  if (hasNote) body.push(noteBody(a.noteText, a.noteDoc, 'commenting'));
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });

  const anno: JsonLdObject = {
    '@context': jsonLdContext(baseUrl),
    id: annotationIri(baseUrl, a.document.id, a.id),
    type: 'Annotation',
    motivation: hasNote ? 'commenting' : a.tags.length > 0 ? 'tagging' : 'highlighting',
    created: a.created.toISOString(),
    modified: a.updated.toISOString(),
    creator: { id: userIri(baseUrl, a.author.id), type: 'Person', name: a.author.name },
    generator: generatorOf(baseUrl),
    generated: ctx.generatedAt.toISOString(),
  };
  if (body.length > 0) anno.body = body;
  anno.target = {
    source: documentIri(baseUrl, a.document.slug),
    selector: selectorsOf(a),
    'mg:documentVersion': a.document.version,
    'mg:startBlock': a.start.block,
    'mg:startOffset': a.start.offset,
    'mg:endBlock': a.end.block,
    'mg:endOffset': a.end.offset,
  };
  anno['mg:visibility'] = a.visibility;
  if (a.group) anno['mg:group'] = { id: groupIri(baseUrl, a.group.id), name: a.group.name };
  anno['mg:anchorStatus'] = a.status;

  return [anno, ...a.replies.map((reply) => replyToJsonLd(reply, a, baseUrl))];
}

const ITEMS_PLACEHOLDER = '__marginalia_items__';
const ITEM_INDENT = '\n      ';
// What JSON.stringify(…, 2) writes after the page's "items" value, the last key of the
// last key: closing the page, then the collection. jsonLdStart checks it.
const COLLECTION_TAIL = '\n  }\n}';

export function jsonLdStart(ctx: ExportContext, opts: { collectionId: string; total: number }): string {
  const baseUrl = trimBaseUrl(ctx.baseUrl);
  const pageId = opts.collectionId.includes('#')
    ? `${opts.collectionId}-page1`
    : `${opts.collectionId}#page1`;
  const collection = {
    '@context': jsonLdContext(baseUrl),
    id: opts.collectionId,
    type: 'AnnotationCollection',
    label: `Annotations on “${ctx.documentTitle}”`,
    total: opts.total,
    generator: generatorOf(baseUrl),
    generated: ctx.generatedAt.toISOString(),
    first: {
      id: pageId,
      type: 'AnnotationPage',
      partOf: opts.collectionId,
      startIndex: 0,
      items: ITEMS_PLACEHOLDER,
    },
  };
  const text = JSON.stringify(collection, null, 2);
  const at = text.lastIndexOf(`"${ITEMS_PLACEHOLDER}"`);
  if (text.slice(at + ITEMS_PLACEHOLDER.length + 2) !== COLLECTION_TAIL) {
    throw new Error('jsonLdStart: the items array must be the last key of the collection');
  }
  return `${text.slice(0, at)}[`;
}

/**
 * The annotation and its replies as items of the page, one JSON object per line.
 * `isFirst` is true for the first annotation written after jsonLdStart (no leading comma).
 */
export function jsonLdItem(a: ExportAnnotation, ctx: ExportContext, isFirst: boolean): string {
  const w = writerFor(ctx);
  let out = `${isFirst ? '' : ','}${ITEM_INDENT}${annotationText(a, w)}`;
  for (const reply of a.replies) out += `,${ITEM_INDENT}${replyText(reply, a, w)}`;
  return out;
}

// The same objects as annotationToJsonLd, written straight as text: JSON.stringify of each
// nested object (and of the context and generator, the same in every item) was most of a
// 100,000-annotation export's time. Keys in the same order, strings through JSON.stringify:
// byte for byte what JSON.stringify(annotationToJsonLd(…)) gives (jsonld.test.ts checks).

interface ItemWriter {
  baseUrl: string;
  context: string;
  generator: string;
  generated: string;
  source: { slug: string; iri: string } | null;
}

const writers = new WeakMap<ExportContext, ItemWriter>();

/** The texts every item of an export repeats, as JSON (the SQL writer uses them too). */
export function jsonLdConstants(ctx: ExportContext): Pick<ItemWriter, 'context' | 'generator' | 'generated'> {
  return writerFor(ctx);
}

function writerFor(ctx: ExportContext): ItemWriter {
  let w = writers.get(ctx);
  if (!w) {
    const baseUrl = trimBaseUrl(ctx.baseUrl);
    w = {
      baseUrl,
      context: JSON.stringify(jsonLdContext(baseUrl)),
      generator: JSON.stringify(generatorOf(baseUrl)),
      generated: JSON.stringify(ctx.generatedAt.toISOString()),
      source: null,
    };
    writers.set(ctx, w);
  }
  return w;
}

const str = (value: string): string => JSON.stringify(value);
const num = (value: number): string => JSON.stringify(value);

function noteBodyText(text: string, doc: ExportAnnotation['noteDoc'], purpose?: string): string {
  const p = purpose ? `,"purpose":${str(purpose)}` : '';
  const plain = `{"type":"TextualBody","value":${str(text)},"format":"text/plain"${p}}`;
  const html = doc ? noteToHtml(doc) : '';
  if (!html) return plain;
  return `{"type":"Choice","items":[${plain},{"type":"TextualBody","value":${str(html)},"format":"text/html"${p}}]}`;
}

function selectorsText(a: ExportAnnotation): string {
  let quote = `{"type":"TextQuoteSelector","exact":${str(a.exact)}`;
  if (a.prefix) quote += `,"prefix":${str(a.prefix)}`;
  if (a.suffix) quote += `,"suffix":${str(a.suffix)}`;
  quote += '}';
  const position = `{"type":"TextPositionSelector","start":${num(a.position.start)},"end":${num(a.position.end)}}`;
  if (a.start.block !== a.end.block) return `[${quote},${position}]`;
  return `[{"type":"FragmentSelector","conformsTo":"http://tools.ietf.org/rfc/rfc3986","value":${str(a.paragraph)},"refinedBy":${quote}},${position}]`;
}

function annotationText(a: ExportAnnotation, w: ItemWriter): string {
  const { baseUrl } = w;
  const hasNote = a.noteText.trim().length > 0;
  const bodies: string[] = [];
  if (hasNote) bodies.push(noteBodyText(a.noteText, a.noteDoc, 'commenting'));
  for (const tag of a.tags) bodies.push(`{"type":"TextualBody","purpose":"tagging","value":${str(tag)}}`);
  const motivation = hasNote ? 'commenting' : a.tags.length > 0 ? 'tagging' : 'highlighting';
  if (w.source?.slug !== a.document.slug)
    w.source = { slug: a.document.slug, iri: str(documentIri(baseUrl, a.document.slug)) };
  return (
    `{"@context":${w.context},"id":${str(annotationIri(baseUrl, a.document.id, a.id))},"type":"Annotation",` +
    `"motivation":"${motivation}","created":${str(a.created.toISOString())},` +
    `"modified":${str(a.updated.toISOString())},` +
    `"creator":{"id":${str(userIri(baseUrl, a.author.id))},"type":"Person","name":${str(a.author.name)}},` +
    `"generator":${w.generator},"generated":${w.generated}` +
    (bodies.length > 0 ? `,"body":[${bodies.join(',')}]` : '') +
    `,"target":{"source":${w.source.iri},"selector":${selectorsText(a)},` +
    `"mg:documentVersion":${num(a.document.version)},"mg:startBlock":${str(a.start.block)},` +
    `"mg:startOffset":${num(a.start.offset)},"mg:endBlock":${str(a.end.block)},` +
    `"mg:endOffset":${num(a.end.offset)}},"mg:visibility":${str(a.visibility)}` +
    (a.group ? `,"mg:group":{"id":${str(groupIri(baseUrl, a.group.id))},"name":${str(a.group.name)}}` : '') +
    `,"mg:anchorStatus":${str(a.status)}}`
  );
}

function replyText(reply: ExportReply, a: ExportAnnotation, w: ItemWriter): string {
  const { baseUrl } = w;
  return (
    `{"@context":${w.context},"id":${str(replyIri(baseUrl, a.document.id, a.id, reply.id))},"type":"Annotation",` +
    `"motivation":"replying","created":${str(reply.created.toISOString())},` +
    `"modified":${str(reply.updated.toISOString())},` +
    `"creator":{"type":"Person","name":${str(reply.authorName)}}` +
    (reply.bodyText.trim().length > 0 ? `,"body":${noteBodyText(reply.bodyText, reply.bodyDoc)}` : '') +
    `,"target":${str(annotationIri(baseUrl, a.document.id, a.id))}${reply.hidden ? ',"mg:hidden":true' : ''}}`
  );
}

export function jsonLdEnd(): string {
  return `\n    ]${COLLECTION_TAIL}\n`;
}
