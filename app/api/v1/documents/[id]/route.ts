import { z } from 'zod';
import { withReader } from '@/lib/server/api';
import { getDocument } from '@/lib/server/dal/documents';

const params = z.object({ id: z.string().min(1).max(200) });
const query = z.object({ version: z.coerce.number().int().min(1).optional() });

export const GET = withReader({ params, query }, async ({ reader, params, query }) => {
  const view = await getDocument(reader, params.id, { version: query.version });
  return { document: view.document, blocks: view.blocks };
});
