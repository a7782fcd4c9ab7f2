import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { json, withReader } from '@/lib/server/api';
import { listHighlights } from '@/lib/server/dal/annotation-highlights';

// Revalidated on every use (no-cache), answered 304 while the reader's highlights are unchanged.
const CACHING = { 'cache-control': 'private, no-cache' };

export const GET = withReader({ params }, async ({ reader, params, request }) => {
  const { etag, highlights } = await listHighlights(reader, params.id, request.headers.get('if-none-match'));
  if (!highlights) return new Response(null, { status: 304, headers: { ...CACHING, etag } });
  return json(highlights, 200, { ...CACHING, etag });
});
