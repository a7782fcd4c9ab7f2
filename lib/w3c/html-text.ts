import { Parser } from 'htmlparser2';

// Elements that start a new line of text; the paragraph-like ones also leave a blank line.
const PARAGRAPH_TAGS = new Set([
  'p',
  'div',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'figure',
  'figcaption',
  'header',
  'footer',
  'aside',
  'hr',
]);
const LINE_TAGS = new Set(['br', 'li', 'tr', 'dt', 'dd']);
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'head', 'title']);

/**
 * Text of an HTML fragment as a reader would see it: entities decoded, markup and scripts
 * dropped, paragraphs separated by a blank line, list items on their own "- " line.
 */
export function htmlToText(html: string): string {
  let out = '';
  let skipping = 0;
  const breakLine = (blank: boolean) => {
    out = out.replace(/[ \t]+$/, '');
    out += blank ? '\n\n' : '\n';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipping += 1;
        else if (PARAGRAPH_TAGS.has(name)) breakLine(true);
        else if (LINE_TAGS.has(name)) {
          breakLine(false);
          if (name === 'li') out += '- ';
        }
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (PARAGRAPH_TAGS.has(name)) breakLine(true);
      },
      ontext(text) {
        if (skipping === 0) out += text.replace(/\s+/g, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
