import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { json, withReader } from '@/lib/server/api';
import { articleInputSchema } from '@/lib/articles/schemas';
import { readArticleBody } from '@/lib/server/dal/document-import';
import { listVersions, reviseDocument } from '@/lib/server/dal/versions';

export const GET = withReader({ params }, async ({ reader, params }) => ({
  versions: await listVersions(reader, params.id),
}));

/** Uploads a revised version: `{ text, format?, title?, blocks? }` → 201 with the re-anchoring summary. */
export const POST = withReader({ params, rawBody: true }, async ({ reader, params, request }) => {
  const input = await readArticleBody(request, articleInputSchema);
  return json(await reviseDocument(reader, params.id, input), 201);
});
