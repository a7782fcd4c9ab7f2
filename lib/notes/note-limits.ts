/** Most characters (Unicode code points) of plain text a note or reply may hold. */
export const MAX_NOTE_TEXT = 10_000;
/** Most bytes of UTF-8 JSON a note or reply body may take. */
export const MAX_NOTE_JSON_BYTES = 50_000;
/** Deepest nesting of nodes below the document (a nested list item costs two levels). */
export const MAX_NOTE_DEPTH = 20;

/** Counts code points, so an emoji counts as one character as a reader would expect. */
export function countNoteCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
