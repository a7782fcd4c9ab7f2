import { documentVersionQuerySchema as query, documentParamsSchema as params } from '@/lib/documents/schemas';
import { updateDocumentSchema } from '@/lib/library/schemas';
import { withReader } from '@/lib/server/api';
import { getDocument } from '@/lib/server/dal/documents';
import { deleteDocument, updateDocument } from '@/lib/server/dal/library';

export const GET = withReader({ params, query }, async ({ reader, params, query }) => {
  const view = await getDocument(reader, params.id, { version: query.version });
  return { document: view.document, blocks: view.blocks };
});

/** Archive or restore (`archived`), or re-share (`audience`): the owner's, or for a public
 * article an administrator's. */
export const PATCH = withReader({ params, body: updateDocumentSchema }, async ({ reader, params, body }) => ({
  document: await updateDocument(reader, params.id, body),
}));

/** Only when no one else has annotated it (409 otherwise: archive it instead). */
export const DELETE = withReader({ params }, async ({ reader, params }) => deleteDocument(reader, params.id));
