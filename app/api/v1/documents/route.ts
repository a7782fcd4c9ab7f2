import { articleImportQuerySchema, articleInputSchema } from '@/lib/articles/schemas';
import { json, withReader } from '@/lib/server/api';
import { listDocuments } from '@/lib/server/dal/documents';
import { importArticle, previewArticle, readArticleBody } from '@/lib/server/dal/document-import';

export const GET = withReader({}, async ({ reader }) => ({ documents: await listDocuments(reader) }));

/** Imports an article; with `?preview=1` only parses it and returns the blocks, saving nothing.
 * The body is read by readArticleBody so that an oversized article gets a readable 413. */
export const POST = withReader(
  { query: articleImportQuerySchema, rawBody: true },
  async ({ reader, query, request }) => {
    const input = await readArticleBody(request, articleInputSchema);
    if (query.preview === '1' || query.preview === 'true') return previewArticle(reader, input);
    return json({ document: await importArticle(reader, input) }, 201);
  },
);
