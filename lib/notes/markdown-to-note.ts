import MarkdownIt from 'markdown-it';
import { htmlToNote } from './html-to-note';
import type { NoteDoc } from './note-types';

// Markdown from an import file (Hypothesis notes and replies, a W3C body with format
// text/markdown) read into a note: rendered by markdown-it, then through the same
// allow-list as HTML bodies. Raw HTML in the Markdown is not rendered (it stays text), and
// markdown-it's own link check refuses javascript: and data: addresses before the
// allow-list sees them. Single line breaks are kept, as Hypothesis shows them.
const markdown = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });

/** A note from untrusted Markdown; check the result with parseNote (it may be too long). */
export function markdownToNote(source: string): NoteDoc {
  return htmlToNote(markdown.render(source));
}
