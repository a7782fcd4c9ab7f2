import { z } from 'zod';
import { MAX_NOTE_JSON_BYTES, MAX_NOTE_TEXT, countNoteCharacters } from './note-limits';
import { normaliseNoteDoc, type NotePath, type NoteSubject } from './note-normalise';
import { noteToPlainText } from './note-plain-text';
import type { NoteDoc } from './note-types';

export { MAX_NOTE_DEPTH, MAX_NOTE_JSON_BYTES, MAX_NOTE_TEXT, countNoteCharacters } from './note-limits';
export { MAX_NOTE_HREF_LENGTH, completeHref, isAllowedHref } from './note-href';
export { normaliseNoteDoc, type NotePath, type NoteSubject, type NormaliseResult } from './note-normalise';
export { isEmptyNote, noteToPlainText, plainTextToNote } from './note-plain-text';
export { escapeMarkdownText, noteToMarkdown } from './note-markdown';
export { escapeHtml, noteToHtml } from './note-html';
export type * from './note-types';

export type ParseNoteResult =
  { ok: true; doc: NoteDoc; text: string } | { ok: false; message: string; path?: string };

export type ParseNoteOptions = {
  /** false skips the size limits, e.g. to keep showing an over-long draft while it is edited. */
  checkSize?: boolean;
  /** what the text is, named in the messages ("The reply is too long"); a note by default */
  subject?: NoteSubject;
};

type CheckResult = { ok: true; doc: NoteDoc; text: string } | { ok: false; message: string; path: NotePath };

const formatCount = (n: number) => n.toLocaleString('en-US');

function measureJsonBytes(input: unknown): number | null {
  let json: string;
  try {
    json = JSON.stringify(input);
  } catch {
    return null;
  }
  // A UTF-16 string never takes fewer UTF-8 bytes than it has code units.
  if (json.length > MAX_NOTE_JSON_BYTES) return json.length;
  return new TextEncoder().encode(json).length;
}

function checkNote(input: unknown, checkSize: boolean, subject: NoteSubject = 'note'): CheckResult {
  if (checkSize) {
    const bytes = measureJsonBytes(input);
    if (bytes === null) return { ok: false, message: `The ${subject} is not valid JSON`, path: [] };
    if (bytes > MAX_NOTE_JSON_BYTES) {
      return {
        ok: false,
        message: `The ${subject} is too large (${formatCount(bytes)} bytes; the limit is ${formatCount(MAX_NOTE_JSON_BYTES)})`,
        path: [],
      };
    }
  }
  const normalised = normaliseNoteDoc(input, subject);
  if (!normalised.ok) return normalised;
  const text = noteToPlainText(normalised.doc);
  const characters = countNoteCharacters(text);
  if (checkSize && characters > MAX_NOTE_TEXT) {
    return {
      ok: false,
      message: `The ${subject} is too long (${formatCount(characters)} characters; the limit is ${formatCount(MAX_NOTE_TEXT)})`,
      path: [],
    };
  }
  return { ok: true, doc: normalised.doc, text };
}

/**
 * Validates untrusted note JSON (request bodies, imports) and gives the normalised
 * document and its plain text. Nothing is thrown; the message is fit to show a reader.
 */
export function parseNote(input: unknown, options: ParseNoteOptions = {}): ParseNoteResult {
  const result = checkNote(input, options.checkSize ?? true, options.subject);
  if (result.ok) return result;
  return result.path.length > 0
    ? { ok: false, message: result.message, path: result.path.join('.') }
    : { ok: false, message: result.message };
}

/**
 * The same checks as parseNote as a zod schema, for request bodies: parses to the
 * normalised document, with the first problem reported at its path.
 */
export const noteDocSchema: z.ZodType<NoteDoc> = z.unknown().transform((input, ctx) => {
  const result = checkNote(input, true);
  if (result.ok) return result.doc;
  ctx.issues.push({ code: 'custom', message: result.message, path: result.path, input });
  return z.NEVER;
});
