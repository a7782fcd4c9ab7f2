import 'server-only';
import { BodyTooLargeError, readCappedText } from '@/lib/http/read-body';
import type { ZodType } from 'zod';
import {
  ArticleParseError,
  MAX_ARTICLE_BYTES,
  assignAnchors,
  detectFormat,
  type ArticleFormat,
  type BlockKind,
  type ParsedArticle,
} from '@/lib/articles';
import { countUtf8Bytes, normalizeText } from '@/lib/articles/guard-input';
import type { ArticleInput, ArticlePreview } from '@/lib/articles/schemas';
import { TITLE_MAX } from '@/lib/limits';
import { AppError, invalid } from '../errors';
import type { Reader } from '../session';
import { createDocument, parseOrExplain, type DocumentSummary } from './documents';

// Importing an article (J8): the request body, the preview and the save. The text is
// only ever parsed into plain-text blocks; nothing the importer sends is rendered as HTML.

/**
 * The body carries the text and, after a preview, the edited blocks as well (about twice
 * the article), JSON-escaped. Anything larger cannot hold an article within the parser's
 * 2 MB, so it is refused before it is read in full.
 */
export const MAX_ARTICLE_REQUEST_BYTES = 3 * MAX_ARTICLE_BYTES;

// The request body's schema is the contract's (lib/articles/schemas.ts); re-exported for callers.
export { articleInputSchema, type ArticleInput, type ArticlePreview } from '@/lib/articles/schemas';

const tooLargeMessage = () => new ArticleParseError('TOO_LARGE').message;

/** The body as text, or null past the limit (read through the one capped reader). */
async function readCapped(request: Request, maxBytes: number): Promise<string | null> {
  try {
    return await readCappedText(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return null;
    throw error;
  }
}

/**
 * Reads an article request body (routes declare `rawBody`): an oversized one is refused
 * with the parser's own "larger than 2 MB" message rather than a byte count.
 */
export async function readArticleBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const raw = await readCapped(request, MAX_ARTICLE_REQUEST_BYTES);
  if (raw === null) throw new AppError('PAYLOAD_TOO_LARGE', tooLargeMessage(), { text: tooLargeMessage() });
  let value: unknown;
  try {
    value = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    // Field keys as lib/server/api.ts writes them (`blocks.0.kind`); not imported from
    // there, so that this module loads outside Next (the benchmark).
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues)
      fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
    throw invalid(Object.values(fields)[0] ?? 'The article is not valid.', fields);
  }
  return result.data;
}

function cleanText(text: string): string {
  return normalizeText(text).trim();
}

/**
 * The blocks to store: the preview's corrections when given, else the parser's. Exactly
 * one TITLE block comes first and carries the final title, so the document's title and
 * its first block never disagree.
 */
export function finalBlocks(
  parsed: ParsedArticle,
  input: Pick<ArticleInput, 'title' | 'blocks'>,
): { title: string; blocks: { kind: BlockKind; text: string }[] } {
  const source = input.blocks ?? parsed.blocks;
  const cleaned = source.map((b) => ({ kind: b.kind, text: cleanText(b.text) })).filter((b) => b.text !== '');
  const given = input.title ? cleanText(input.title).replace(/\s+/g, ' ') : '';
  const title = given || cleaned.find((b) => b.kind === 'TITLE')?.text.replace(/\s+/g, ' ') || parsed.title;
  const body = cleaned.filter((b) => b.kind !== 'TITLE');
  const bytes = body.reduce((sum, b) => sum + countUtf8Bytes(b.text, MAX_ARTICLE_BYTES + 1), 0);
  if (bytes > MAX_ARTICLE_BYTES) throw invalid(tooLargeMessage(), { blocks: tooLargeMessage() });
  return {
    title: title.slice(0, TITLE_MAX),
    blocks: [{ kind: 'TITLE', text: title.slice(0, TITLE_MAX) }, ...body],
  };
}

export function formatOf(input: Pick<ArticleInput, 'text' | 'format'>): ArticleFormat {
  return input.format ?? detectFormat(undefined, input.text);
}

/** What the article will look like once imported; nothing is saved. */
export function previewArticle(_reader: Reader, input: ArticleInput): ArticlePreview {
  const format = formatOf(input);
  const parsed = parseOrExplain(input.text, format, input.title);
  const { title, blocks } = finalBlocks(parsed, input);
  return { title, format, blocks: assignAnchors(null, blocks) };
}

/** Imports an article as a new document owned by the reader (who alone may revise it). */
export async function importArticle(reader: Reader, input: ArticleInput): Promise<DocumentSummary> {
  const format = formatOf(input);
  const parsed = parseOrExplain(input.text, format, input.title);
  const { title, blocks } = finalBlocks(parsed, input);
  return createDocument(reader, { text: input.text, format, title, blocks });
}
