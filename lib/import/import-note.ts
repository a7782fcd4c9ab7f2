import { isEmptyNote, parseNote, plainTextToNote, type BlockNode, type NoteDoc } from '@/lib/notes';
import { htmlToNote } from '@/lib/notes/html-to-note';
import { markdownToNote } from '@/lib/notes/markdown-to-note';
import type { NotePart } from '@/lib/w3c/import-types';

// The note (or reply body) of an imported item, built through the editor's allow-list:
// HTML and Markdown bodies keep their bold, italics, lists and links; plain text stays
// plain. A formatted note that breaks a note's limits falls back to its plain text, so an
// item is only skipped when even that is too long.

// A note holds at most 10,000 characters; markup many times that is not read as a note
// (the plain text decides, and is refused as too long), so a hostile body costs little.
const MAX_FORMATTED_INPUT = 200_000;

export type CheckedNote = { ok: true; doc: NoteDoc | null; text: string } | { ok: false; reason: string };

function blocksOf(part: NotePart): BlockNode[] {
  const doc =
    part.format === 'html'
      ? htmlToNote(part.value)
      : part.format === 'markdown'
        ? markdownToNote(part.value)
        : plainTextToNote(part.value);
  return doc.content ?? [];
}

function checked(doc: NoteDoc, subject: 'note' | 'reply'): CheckedNote {
  const parsed = parseNote(doc, { subject });
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  if (isEmptyNote(parsed.doc)) return { ok: true, doc: null, text: '' };
  return { ok: true, doc: parsed.doc, text: parsed.text };
}

/** A note from the file's plain text, or from its formatted bodies when it has some. */
export function checkedNote(
  text: string,
  parts?: NotePart[],
  subject: 'note' | 'reply' = 'note',
): CheckedNote {
  const formatted = parts?.some((p) => p.format !== 'plain');
  if (parts && formatted && parts.reduce((n, p) => n + p.value.length, 0) <= MAX_FORMATTED_INPUT) {
    const rich = checked({ type: 'doc', content: parts.flatMap(blocksOf) }, subject);
    if (rich.ok && rich.doc) return rich;
  }
  if (text.trim() === '') return { ok: true, doc: null, text: '' };
  return checked(plainTextToNote(text), subject);
}
