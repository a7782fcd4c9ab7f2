import { z } from 'zod';
import { documentVersionQuerySchema as query } from '@/lib/documents/schemas';
import { withReader } from '@/lib/server/api';
import { getDocument } from '@/lib/server/dal/documents';

const params = z.object({ id: z.string().min(1).max(200) });

export const GET = withReader({ params, query }, async ({ reader, params, query }) => {
  const view = await getDocument(reader, params.id, { version: query.version });
  return { document: view.document, blocks: view.blocks };
});
