import type { z } from 'zod';
import type { articleFormatSchema, blockKindSchema } from './schemas';

/** One of the six kinds of block (the contract: ./schemas.ts). */
export type BlockKind = z.infer<typeof blockKindSchema>;

export type ArticleFormat = z.infer<typeof articleFormatSchema>;

export interface ParsedBlock {
  kind: BlockKind;
  anchor: string;
  text: string;
}

/** `blocks` are in reading order and always start with the TITLE block. */
export interface ParsedArticle {
  title: string;
  blocks: ParsedBlock[];
}

export type ArticleParseErrorCode = 'EMPTY' | 'TOO_LARGE' | 'BINARY' | 'NO_TEXT';

// Messages are shown to the person importing, so they say what to do next.
const DEFAULT_MESSAGES: Record<ArticleParseErrorCode, string> = {
  EMPTY: 'The article is empty. Paste or upload some text.',
  TOO_LARGE: 'The article is larger than 2 MB. Split it or remove embedded data.',
  BINARY:
    'This does not look like text (is it an image, a PDF or a Word file?). Upload plain text, Markdown or HTML.',
  NO_TEXT: 'No readable article text was found.',
};

export class ArticleParseError extends Error {
  readonly code: ArticleParseErrorCode;

  constructor(code: ArticleParseErrorCode, message: string = DEFAULT_MESSAGES[code]) {
    super(message);
    this.name = 'ArticleParseError';
    this.code = code;
  }
}

/**
 * What a format parser hands to the shared classifier. A TITLE draft is an explicit title
 * (Markdown `#`, HTML `<h1>`/`<title>`); hints come from HTML class names.
 */
export interface DraftBlock {
  kind: BlockKind;
  text: string;
  hint?: 'byline' | 'standfirst';
}
