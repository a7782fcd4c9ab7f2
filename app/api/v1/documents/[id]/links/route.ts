import { documentParamsSchema as params } from '@/lib/documents/schemas';
import { createLinkSchema, linkQuerySchema } from '@/lib/links/schemas';
import { json, withReader } from '@/lib/server/api';
import { createLink, listLinks } from '@/lib/server/dal/links';

/** The argument links the caller sees on a document, with the relations they may use. */
export const GET = withReader({ params, query: linkQuerySchema }, async ({ reader, params, query }) =>
  listLinks(reader, params.id, query),
);

export const POST = withReader({ params, body: createLinkSchema }, async ({ reader, params, body }) =>
  json({ link: await createLink(reader, params.id, body) }, 201),
);
