// The articles contract: the six kinds of block, the source formats, and the body of an
// article import or revision (POST /documents, POST /documents/{id}/versions) with its preview.
import { z } from 'zod';
import { ARTICLE_BLOCKS_MAX, ARTICLE_MAX_BYTES, TITLE_MAX } from '@/lib/limits';

/** The one list of block kinds (PostgreSQL's enum "BlockKind" has the same six). */
export const blockKindSchema = z.enum(['TITLE', 'STANDFIRST', 'BYLINE', 'HEADING', 'PARAGRAPH', 'CAPTION'], {
  error: 'Choose title, standfirst, byline, heading, paragraph or caption.',
});
export const BLOCK_KINDS = blockKindSchema.options;

export const articleFormatSchema = z.enum(['text', 'markdown', 'html'], {
  error: 'Choose plain text, Markdown or HTML.',
});

// A character takes at least one UTF-8 byte, so a text longer than the byte limit in
// characters is over it in bytes too: the parser's own words apply.
const tooLarge = `The article is larger than ${ARTICLE_MAX_BYTES / 1024 / 1024} MB. Split it or remove embedded data.`;

export const articleInputSchema = z.object({
  title: z.string().max(TITLE_MAX, `The title is too long (${TITLE_MAX} characters at most).`).optional(),
  text: z
    .string({ error: 'Paste or upload the article text.' })
    .max(ARTICLE_MAX_BYTES, tooLarge)
    .describe('the article: plain text, Markdown or HTML'),
  format: articleFormatSchema.optional().describe('detected from the text when missing'),
  blocks: z
    .array(z.object({ kind: blockKindSchema, text: z.string().max(ARTICLE_MAX_BYTES, tooLarge) }))
    .max(ARTICLE_BLOCKS_MAX, `An article can have ${ARTICLE_BLOCKS_MAX.toLocaleString('en')} blocks at most.`)
    .optional()
    .describe('the blocks as corrected in the import preview (kinds changed, furniture left out)'),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

/** `POST /documents?preview=1` only parses the article and returns the blocks. */
export const articleImportQuerySchema = z.object({
  preview: z
    .enum(['1', 'true', '0', 'false'])
    .optional()
    .describe('only parse and return the blocks; nothing is saved'),
});

export const parsedBlockSchema = z.object({ kind: blockKindSchema, anchor: z.string(), text: z.string() });

/** What an article will look like once imported (`?preview=1`); nothing is saved. */
export const articlePreviewSchema = z.object({
  title: z.string(),
  format: articleFormatSchema,
  blocks: z.array(parsedBlockSchema),
});
export type ArticlePreview = z.infer<typeof articlePreviewSchema>;
