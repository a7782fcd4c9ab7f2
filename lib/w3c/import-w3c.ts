import { htmlToText } from './html-text';
import {
  NO_TEXT_QUOTE_REASON,
  firstString,
  isObject,
  parseDate,
  toArray,
  type ImportedAnnotation,
  type JsonObject,
  type NotePart,
} from './import-types';
import { findTextLocation, hasType, type TextLocation } from './selectors';
import { normaliseTags } from './tags';
import { checkAnnotationMusts } from './validate';

export type ExtractResult = { ok: true; item: ImportedAnnotation } | { ok: false; reason: string };

interface BodyContent {
  tags: string[];
  notes: { text: string; part: NotePart }[];
}

const HTML_FORMATS = new Set(['text/html', 'application/xhtml+xml']);
const MARKDOWN_FORMATS = new Set(['text/markdown', 'text/x-markdown']);

/** An embedded textual body: a TextualBody, or an untyped resource carrying a string value. */
function isTextualBody(body: JsonObject): boolean {
  return typeof body.value === 'string' && (hasType(body, 'TextualBody') || body.type === undefined);
}

function formatOf(body: JsonObject): NotePart['format'] {
  const format = firstString(body.format)?.toLowerCase().split(';')[0].trim();
  if (format === undefined) return 'plain';
  if (HTML_FORMATS.has(format)) return 'html';
  return MARKDOWN_FORMATS.has(format) ? 'markdown' : 'plain';
}

function purposesOf(body: JsonObject, inherited: string[]): string[] {
  const own = toArray(body.purpose).filter((p): p is string => typeof p === 'string');
  // A body without a purpose takes the annotation's motivation (model §3.3.5).
  return own.length > 0 ? own : inherited;
}

const NOTE_PURPOSES = ['commenting', 'replying', 'describing', 'questioning', 'assessing', 'editing'];

// A body is a tag when tagging is its purpose; when it only inherits several motivations
// (e.g. ["commenting", "tagging"]) and one of them is a note's, it is read as the note.
function isTagging(purposes: string[]): boolean {
  return (
    purposes.includes('tagging') &&
    (purposes.length === 1 || !purposes.some((p) => NOTE_PURPOSES.includes(p)))
  );
}

/** A textual body; `richer` is a formatted alternative of it (a Choice's HTML item). */
function addTextual(body: JsonObject, inherited: string[], into: BodyContent, richer?: JsonObject): void {
  const value = body.value as string;
  const format = formatOf(body);
  const text = format === 'html' ? htmlToText(value) : value.trim();
  if (isTagging(purposesOf(body, inherited))) {
    into.tags.push(text);
    return;
  }
  const part: NotePart =
    richer && format === 'plain'
      ? { format: formatOf(richer), value: richer.value as string }
      : { format, value };
  into.notes.push({ text, part: part.format === 'plain' ? { format, value: text } : part });
}

// Choices and sets nest; real files go two or three levels deep.
const MAX_BODY_DEPTH = 8;

function collectBody(body: unknown, inherited: string[], into: BodyContent, depth = 0): void {
  if (!isObject(body) || depth > MAX_BODY_DEPTH) return; // a body IRI's text is not in the file
  const purposes = purposesOf(body, inherited);
  const items = toArray(body.items).filter(isObject);
  if (hasType(body, 'Choice')) {
    // Alternatives of one body: the plain-text one (the export's default) gives the text,
    // a formatted one the note.
    const alternatives = items.filter(isTextualBody);
    const chosen = alternatives.find((b) => formatOf(b) === 'plain') ?? alternatives[0];
    const richer = alternatives.find((b) => formatOf(b) !== 'plain');
    if (chosen) addTextual(chosen, purposes, into, richer);
    return;
  }
  if (items.length > 0 && !isTextualBody(body)) {
    for (const item of items) collectBody(item, purposes, into, depth + 1);
    return;
  }
  if (isTextualBody(body)) addTextual(body, purposes, into); // other resources have no inline text
}

function collectBodies(anno: JsonObject, motivations: string[]): BodyContent {
  const content: BodyContent = { tags: [], notes: [] };
  // bodyValue is a plain-text body; it takes the motivation like any body without purpose.
  if (typeof anno.bodyValue === 'string') addTextual({ value: anno.bodyValue }, motivations, content);
  for (const body of toArray(anno.body)) collectBody(body, motivations, content);
  return content;
}

function creatorNameOf(creator: unknown): string | undefined {
  const agent = toArray(creator).find(isObject);
  if (!agent) return undefined;
  return firstString(agent.name) ?? firstString(agent.nickname);
}

function blockHintOf(target: JsonObject): ImportedAnnotation['blockHint'] {
  const { 'mg:startBlock': sb, 'mg:startOffset': so, 'mg:endBlock': eb, 'mg:endOffset': eo } = target;
  if (typeof sb !== 'string' || typeof eb !== 'string') return undefined;
  if (typeof so !== 'number' || typeof eo !== 'number' || so < 0 || eo < 0) return undefined;
  return { start: { block: sb, offset: so }, end: { block: eb, offset: eo } };
}

function iriOf(resource: unknown): string | undefined {
  if (typeof resource === 'string') return resource;
  if (isObject(resource)) return firstString(resource.id) ?? iriOf(resource.source);
  return undefined;
}

/**
 * One quote from several text targets of one annotation: a writer may give a quote across
 * paragraphs as one target per paragraph, in document order. They are read as one quote
 * whose parts are joined by a newline (the page's text between blocks).
 */
function joinLocations(locations: TextLocation[]): TextLocation {
  if (locations.length === 1) return locations[0];
  const first = locations[0];
  const last = locations[locations.length - 1];
  const joined: TextLocation = { exact: locations.map((l) => l.exact).join('\n') };
  if (first.prefix !== undefined) joined.prefix = first.prefix;
  if (last.suffix !== undefined) joined.suffix = last.suffix;
  if (first.positionHint && last.positionHint && last.positionHint.end >= first.positionHint.start)
    joined.positionHint = { start: first.positionHint.start, end: last.positionHint.end };
  return joined;
}

function mustFailureReason(anno: unknown): string | null {
  const { ok, failures } = checkAnnotationMusts(anno);
  if (ok) return null;
  const list = failures.map((f) => `${f.message} [${f.assertion}]`).join('; ');
  return `not a valid W3C Web Annotation: ${list}`;
}

/**
 * Reads one W3C Web Annotation. `knownIds` are the ids of every annotation in the file, so
 * that an annotation whose target is another one is read as a reply to it.
 */
export function extractW3CAnnotation(anno: JsonObject, knownIds: ReadonlySet<string>): ExtractResult {
  const invalid = mustFailureReason(anno);
  if (invalid) return { ok: false, reason: invalid };

  const motivations = toArray(anno.motivation).filter((m): m is string => typeof m === 'string');
  const { tags, notes } = collectBodies(anno, motivations);
  const base: ImportedAnnotation = {
    sourceId: firstString(anno.id) ?? null,
    exact: '',
    tags: normaliseTags(tags),
    noteText: notes
      .map((n) => n.text)
      .filter((t) => t.length > 0)
      .join('\n\n'),
  };
  if (notes.some((n) => n.part.format !== 'plain')) base.noteParts = notes.map((n) => n.part);
  const created = parseDate(anno.created);
  const modified = parseDate(anno.modified);
  const creatorName = creatorNameOf(anno.creator);
  if (created) base.created = created;
  if (modified) base.modified = modified;
  if (creatorName) base.creatorName = creatorName;

  const targets = toArray(anno.target);
  const texts = targets.flatMap((target) => {
    if (!isObject(target)) return [];
    const location = findTextLocation(target.selector);
    return location ? [{ target, location }] : [];
  });
  if (texts.some((t) => t.location.exact.length === 0))
    return { ok: false, reason: 'TextQuoteSelector has an empty "exact": nothing to anchor' };
  if (texts.length > 0) {
    const { target } = texts[0];
    const item: ImportedAnnotation = {
      ...base,
      ...joinLocations(texts.map((t) => t.location)),
      replyTo: null,
    };
    const source = iriOf(target.source);
    const blockHint = blockHintOf(target);
    if (source) item.targetSource = source;
    if (blockHint) item.blockHint = blockHint;
    return { ok: true, item };
  }

  const parent = targets
    .map(iriOf)
    .find((iri) => iri !== undefined && (motivations.includes('replying') || knownIds.has(iri)));
  if (parent) return { ok: true, item: { ...base, replyTo: parent } };
  return { ok: false, reason: NO_TEXT_QUOTE_REASON };
}
