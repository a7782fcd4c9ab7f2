import 'server-only';
import { renderArticleHtml, type ArticleBlockData } from '@/lib/reader/article-html';

// A document version's text never changes (a revision is a new version), so its HTML is
// rendered once per process. Bounded: the least recently added go first.
const MAX_CACHED = 50;
const cache = new Map<string, string>();

/** The article HTML of a version the caller has already checked the reader may see. */
export function articleHtmlFor(versionId: string, blocks: ArticleBlockData[]): string {
  let html = cache.get(versionId);
  if (html === undefined) {
    html = renderArticleHtml(blocks);
    cache.set(versionId, html);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return html;
}
