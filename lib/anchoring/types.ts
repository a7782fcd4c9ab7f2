/** One block of a document version, in document order. */
export interface BlockText {
  anchor: string;
  text: string;
}

/** A point in a block's text; `offset` counts UTF-16 code units (JS string indices). */
export interface TextPoint {
  block: string;
  offset: number;
}

/** A stored target: block-scoped positions plus a W3C TextQuote selector. */
export interface Target {
  start: TextPoint;
  end: TextPoint;
  exact: string;
  prefix: string;
  suffix: string;
}

/** What a client sends; prefix and suffix are recomputed on the server, never trusted. */
export interface TargetInput {
  start: TextPoint;
  end: TextPoint;
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type AnchorStatus = 'ANCHORED' | 'REANCHORED' | 'ORPHANED';

/** Characters of context kept on each side of a quote (the W3C/Hypothesis convention). */
export const CONTEXT_LENGTH = 32;

/** Separator between blocks in the document text. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * Precomputed view of one document version. Build it once per version with
 * `buildDocumentIndex` and pass it to every call; it is immutable.
 */
export interface DocumentIndex {
  readonly blocks: readonly BlockText[];
  /** The blocks' texts joined by BLOCK_SEPARATOR. */
  readonly text: string;
  /** Position of each block's first code unit in `text`. */
  readonly starts: readonly number[];
  readonly indexByAnchor: ReadonlyMap<string, number>;
}
