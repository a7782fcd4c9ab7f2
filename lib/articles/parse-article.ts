import { assignAnchors } from './assign-anchors';
import { classifyBlocks } from './classify-blocks';
import { guardInput } from './guard-input';
import { parseHtmlDrafts } from './parse-html';
import { parseMarkdownDrafts } from './parse-markdown';
import { parseTextDrafts } from './parse-text';
import { ARTICLE_MAX_BYTES } from '@/lib/limits';
import type { ArticleFormat, DraftBlock, ParsedArticle } from './types';

/** Largest accepted article, in UTF-8 bytes. */
export const MAX_ARTICLE_BYTES = ARTICLE_MAX_BYTES;

/** How far into a text format sniffing looks. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Text (plain, Markdown or HTML) → the blocks of a first version, anchors numbered in
 * order. Throws ArticleParseError (EMPTY, TOO_LARGE, BINARY, NO_TEXT).
 *
 * The title is the one the text carries (first line, `#` heading, `<h1>`/`<title>`); only
 * when there is none does `opts.title` (or else the first line, shortened) stand in.
 */
export function parseArticle(
  input: string,
  format: ArticleFormat,
  opts: { title?: string } = {},
): ParsedArticle {
  const text = guardInput(input, MAX_ARTICLE_BYTES);
  const { title, blocks } = classifyBlocks(draftsFor(text, format), format, opts.title);
  return { title, blocks: assignAnchors(null, blocks) };
}

function draftsFor(text: string, format: ArticleFormat): DraftBlock[] {
  if (format === 'html') return parseHtmlDrafts(text);
  if (format === 'markdown') return parseMarkdownDrafts(text);
  return parseTextDrafts(text);
}

const EXTENSIONS: Record<string, ArticleFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  mdx: 'markdown',
  htm: 'html',
  html: 'html',
  xhtml: 'html',
};

/** The format from the file's extension, else from what the text looks like. */
export function detectFormat(fileName: string | undefined, text: string): ArticleFormat {
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension && EXTENSIONS[extension]) return EXTENSIONS[extension];

  const head = text.slice(0, SNIFF_CHARS);
  if (/^\s*<(?:!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|section)\b/i.test(head))
    return 'html';
  if ((head.match(/<\/(?:p|div|h[1-6]|li|article|section)>|<br\s*\/?>/gi)?.length ?? 0) >= 2) return 'html';

  const markdownSigns = [
    /^#{1,6}[ \t]+\S/m, // ATX heading
    /^(?:```|~~~)/m, // code fence
    /^\S[^\n]*\n(?:=+|-+)[ \t]*$/m, // setext heading
  ];
  if (markdownSigns.some((sign) => sign.test(head))) return 'markdown';
  const links = head.match(/\]\([^()\s]{1,500}\)/g)?.length ?? 0;
  const strong = head.match(/\*\*[^*\n]{1,200}\*\*/g)?.length ?? 0;
  const items = head.match(/^[ \t]*[-*+][ \t]+\S/gm)?.length ?? 0;
  return links + strong >= 2 || (items >= 3 && links + strong >= 1) ? 'markdown' : 'text';
}
