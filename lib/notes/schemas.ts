// The note (and reply body) in the API contract. Its rules live in lib/notes (normaliseNoteDoc
// and the size limits); these schemas only name the shape for requests, responses and OpenAPI.
import { z } from 'zod';
import { MAX_NOTE_JSON_BYTES, MAX_NOTE_TEXT } from './note-limits';
import { normaliseNoteDoc } from './note-normalise';
import type { NoteDoc } from './note-types';

/** A stored note as the API returns it: already normalised, so it normalises to itself. */
export const noteDocSchema = z
  .custom<NoteDoc>((value) => normaliseNoteDoc(value).ok, 'Not a note.')
  .meta({
    id: 'NoteDoc',
    type: 'object',
    description: `A rich-text note as Tiptap (ProseMirror) JSON: \`{ "type": "doc", "content": [...] }\`. Blocks: paragraph, bulletList, orderedList (attrs.start), listItem, blockquote; inline: text (marks bold, italic, strike, code, link with attrs.href http(s)/mailto), hardBreak. Validated and normalised on the server; at most ${MAX_NOTE_TEXT.toLocaleString('en')} characters of text and ${MAX_NOTE_JSON_BYTES / 1000} KB of JSON. Send null to clear a note.`,
    properties: {
      type: { const: 'doc' },
      content: {
        type: 'array',
        items: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] },
      },
    },
    required: ['type'],
    examples: [
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The crux', marks: [{ type: 'bold' }] }] },
        ],
      },
    ],
  });

/** A note a client sends: anything here, checked and normalised by parseNote on the server
 * (a wrong shape gets the note's own field message, not zod's). */
export const noteInputSchema = z
  .unknown()
  .meta({ anyOf: [{ $ref: '#/components/schemas/NoteDoc' }, { type: 'null' }] });
