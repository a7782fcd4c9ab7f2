import { linkParamsSchema as params, updateLinkSchema } from '@/lib/links/schemas';
import { withReader } from '@/lib/server/api';
import { deleteLink, updateLink } from '@/lib/server/dal/links';

export const PATCH = withReader({ params, body: updateLinkSchema }, async ({ reader, params, body }) => ({
  link: await updateLink(reader, params.id, body),
}));

export const DELETE = withReader({ params }, async ({ reader, params }) => {
  await deleteLink(reader, params.id);
  return new Response(null, { status: 204 });
});
