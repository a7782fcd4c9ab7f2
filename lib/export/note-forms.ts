import { noteToHtml, type NoteDoc } from '@/lib/notes';
import { noteMarkdown } from './markdown';
import { noteTextWithLinks } from './note-text-links';

// A note's export forms, computed once when the note is written and stored beside it
// (docs/adr/0022): an export of 100,000 annotations is then written by PostgreSQL, which
// cannot run these conversions. Each is exactly what the formatters write for the note:
// the CSV cell (csv.ts), the Markdown (markdown.ts) and the HTML alternative (jsonld.ts).

export interface NoteForms {
  csv: string;
  markdown: string;
  html: string;
}

export function noteForms(doc: NoteDoc | null, text: string): NoteForms {
  return {
    csv: noteTextWithLinks(doc, text),
    markdown: noteMarkdown(text, doc),
    html: doc ? noteToHtml(doc) : '',
  };
}
