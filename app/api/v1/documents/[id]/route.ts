import { documentVersionQuerySchema as query, documentParamsSchema as params } from '@/lib/documents/schemas';
import { withReader } from '@/lib/server/api';
import { getDocument } from '@/lib/server/dal/documents';

export const GET = withReader({ params, query }, async ({ reader, params, query }) => {
  const view = await getDocument(reader, params.id, { version: query.version });
  return { document: view.document, blocks: view.blocks };
});
