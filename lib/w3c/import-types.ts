import type { QuoteToPlace } from '@/lib/anchoring/place-quote';

/** One annotation read from an import file, ready to be anchored in a document. Its quote
 * and hints are what lib/anchoring places (`exact` is '' for a reply, which targets an
 * annotation, not text). */
export interface ImportedAnnotation extends QuoteToPlace {
  /** The annotation's id in the file (an IRI for W3C, Hypothesis's own id otherwise). */
  sourceId: string | null;
  /** The target's source IRI (the annotated document), for warning about foreign documents. */
  targetSource?: string;
  /** Normalised tag slugs; may be empty (the caller picks a default tag or skips). */
  tags: string[];
  /** The note as plain text (HTML read as text, Markdown as written). */
  noteText: string;
  /** The note's bodies as the file gave them, when one is formatted: untrusted, read into
   * a note through the allow-list (lib/notes/html-to-note.ts) before anyone sees it. */
  noteParts?: NotePart[];
  created?: Date;
  modified?: Date;
  /** The creator's name in the file: kept as the attribution of an imported reply. */
  creatorName?: string;
  /** For a reply: the sourceId of the annotation it answers. */
  replyTo?: string | null;
}

/** One textual body of a note, in the format the file gives. */
export interface NotePart {
  format: 'plain' | 'html' | 'markdown';
  value: string;
}

export interface ImportRejection {
  /** Position in the file's sequence of annotations (collections and pages flattened), from 0. */
  index: number;
  id: string | null;
  reason: string;
}

export interface ImportParseResult {
  items: ImportedAnnotation[];
  rejected: ImportRejection[];
}

export const NO_TEXT_QUOTE_REASON = 'target has no TextQuoteSelector: cannot anchor text';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function firstString(value: unknown): string | undefined {
  return toArray(value).find((v): v is string => typeof v === 'string');
}

export function parseDate(value: unknown): Date | undefined {
  const text = firstString(value);
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
