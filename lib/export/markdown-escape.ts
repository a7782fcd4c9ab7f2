// Escaping for user text placed in Markdown (CommonMark/GFM), so that a quote or a name is
// shown as written and never becomes a heading, list, link, HTML tag or table.

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator): the SQL
 * spelling of the export trims with it (lib/server/dal/export-sql-rows.ts). */
export const JS_WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

// Inline ASCII punctuation with meaning somewhere in CommonMark or GFM. Every ASCII
// punctuation character may be backslash-escaped, so over-escaping is harmless.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&!]/g;

// What turns the start of a line into a block: headings, quotes, lists, thematic breaks,
// setext underlines, fences.
const LINE_START_SPECIAL = /^([#>+\-=]|\d+[.)])/;

/** Escapes one line of plain text for use inside Markdown inline content. */
export function escapeMarkdownInline(text: string): string {
  // Leading blanks would make an indented code block.
  const escaped = text.trimStart().replace(INLINE_SPECIAL, (c) => `\\${c}`);
  return escaped.replace(LINE_START_SPECIAL, (marker: string) =>
    /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`,
  );
}

/** Plain multi-line text → Markdown paragraphs, keeping single line breaks as hard breaks. */
export function plainTextToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => escapeMarkdownInline(line.trim()))
        .filter((line) => line.length > 0)
        .join('\\\n'),
    )
    .filter((para) => para.length > 0)
    .join('\n\n');
}

/** Prefixes every line, e.g. "> " for a block quote or "  " for a list continuation. */
export function prefixLines(markdown: string, prefix: string, emptyPrefix = prefix.trimEnd()): string {
  return markdown
    .split('\n')
    .map((line) => (line.length > 0 ? prefix + line : emptyPrefix))
    .join('\n');
}
