import { extractHypothesisAnnotation, isHypothesisAnnotation } from './import-hypothesis';
import { extractW3CAnnotation, type ExtractResult } from './import-w3c';
import { firstString, isObject, toArray, type ImportParseResult, type JsonObject } from './import-types';
import { parseLenientJson } from './lenient-json';
import { hasType } from './selectors';

export type { ImportedAnnotation, ImportParseResult, ImportRejection } from './import-types';
export { NO_TEXT_QUOTE_REASON } from './import-types';

// A page's "next" chain is followed only while pages are embedded; a bound keeps a
// malicious file from looping.
const MAX_PAGES = 100_000;

type Entry =
  | { kind: 'annotation'; value: unknown; context: unknown }
  | { kind: 'unavailable'; id: string | null; reason: string };

function isContainer(value: JsonObject, type: string): boolean {
  return hasType(value, type);
}

function pageEntries(page: JsonObject, context: unknown, out: Entry[]): void {
  let current: unknown = page;
  for (let n = 0; isObject(current) && n < MAX_PAGES; n += 1) {
    const pageContext = current['@context'] ?? context;
    for (const item of toArray(current.items))
      out.push({ kind: 'annotation', value: item, context: pageContext });
    const next: unknown = current.next;
    if (typeof next === 'string') {
      out.push({
        kind: 'unavailable',
        id: next,
        reason: `AnnotationPage ${next} is referenced but not embedded: its annotations are not in this file`,
      });
    }
    current = next;
  }
}

function collectEntries(json: unknown, out: Entry[], context?: unknown): void {
  if (Array.isArray(json)) {
    for (const value of json) {
      if (
        isObject(value) &&
        (isContainer(value, 'AnnotationCollection') || isContainer(value, 'AnnotationPage'))
      ) {
        collectEntries(value, out, context);
      } else {
        out.push({ kind: 'annotation', value, context });
      }
    }
    return;
  }
  if (!isObject(json)) {
    out.push({ kind: 'annotation', value: json, context });
    return;
  }
  const ownContext = json['@context'] ?? context;
  if (isContainer(json, 'AnnotationCollection')) {
    // Some writers put the items on the collection itself.
    for (const item of toArray(json.items))
      out.push({ kind: 'annotation', value: item, context: ownContext });
    if (isObject(json.first)) pageEntries(json.first, ownContext, out);
    else if (typeof json.first === 'string') {
      out.push({
        kind: 'unavailable',
        id: json.first,
        reason: `AnnotationPage ${json.first} is referenced but not embedded: its annotations are not in this file`,
      });
    }
    return;
  }
  if (isContainer(json, 'AnnotationPage')) {
    pageEntries(json, ownContext, out);
    return;
  }
  if (Array.isArray(json.rows) && !('type' in json)) {
    // Hypothesis search results: { total, rows: [annotation, …] }
    for (const row of json.rows) out.push({ kind: 'annotation', value: row, context });
    return;
  }
  out.push({ kind: 'annotation', value: json, context });
}

function extractEntry(value: unknown, context: unknown, knownIds: ReadonlySet<string>): ExtractResult {
  if (!isObject(value)) {
    return {
      ok: false,
      reason:
        'not an annotation: expected a JSON object, an array of them, an AnnotationCollection or an AnnotationPage',
    };
  }
  if (isHypothesisAnnotation(value)) return extractHypothesisAnnotation(value);
  // Annotations inside a collection or page inherit its @context.
  const anno = '@context' in value || context === undefined ? value : { '@context': context, ...value };
  return extractW3CAnnotation(anno, knownIds);
}

// One pathological item (e.g. nested thousands deep, overflowing the validator's stack)
// is rejected on its own instead of failing the whole import.
function safeExtract(value: unknown, context: unknown, knownIds: ReadonlySet<string>): ExtractResult {
  try {
    return extractEntry(value, context, knownIds);
  } catch (error) {
    const detail =
      error instanceof RangeError
        ? 'it is nested too deeply'
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, reason: `could not be read: ${detail}` };
  }
}

/**
 * Reads annotations to import from parsed JSON: a W3C Web Annotation, an array of them, an
 * AnnotationCollection (embedded pages) or AnnotationPage, or Hypothesis API annotations.
 * Every W3C annotation must pass the test suite's "must" assertions; every annotation must
 * target text through a TextQuoteSelector, except replies (replyTo set, exact '').
 */
export function parseW3CImport(json: unknown): ImportParseResult {
  const entries: Entry[] = [];
  collectEntries(json, entries);
  const knownIds = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'annotation' && isObject(e.value)) {
      const id = firstString(e.value.id);
      if (id) knownIds.add(id);
    }
  }

  const result: ImportParseResult = { items: [], rejected: [] };
  entries.forEach((entry, index) => {
    if (entry.kind === 'unavailable') {
      result.rejected.push({ index, id: entry.id, reason: entry.reason });
      return;
    }
    const extracted = safeExtract(entry.value, entry.context, knownIds);
    if (extracted.ok) result.items.push(extracted.item);
    else {
      const id = isObject(entry.value) ? (firstString(entry.value.id) ?? null) : null;
      result.rejected.push({ index, id, reason: extracted.reason });
    }
  });
  return result;
}

/** An import file read: its annotations, or the one reason it holds none (not JSON). */
export type ImportFileResult =
  { ok: true; parsed: ImportParseResult } | { ok: false; problem: 'not-json'; detail: string };

/** Reads an import file's text (a byte order mark and JSON's common slips allowed). */
export function readImportFile(text: string): ImportFileResult {
  let json: unknown;
  try {
    json = parseLenientJson(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, parsed: parseW3CImport(json) };
}

/** Same as parseW3CImport, from the file's text; a file that is not JSON is one rejection. */
export function parseW3CImportText(text: string): ImportParseResult {
  const file = readImportFile(text);
  if (file.ok) return file.parsed;
  return {
    items: [],
    rejected: [{ index: 0, id: null, reason: `the file is not valid JSON: ${file.detail}` }],
  };
}
