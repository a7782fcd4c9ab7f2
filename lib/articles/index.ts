export * from './types';
export { parseArticle, detectFormat, MAX_ARTICLE_BYTES } from './parse-article';
export { assignAnchors, SAME_BLOCK_SIMILARITY } from './assign-anchors';
