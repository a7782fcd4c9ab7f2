import { createTagSchema } from '@/lib/groups/schemas';
import { json, withReader } from '@/lib/server/api';
import { createGroupTag, listGroupTags } from '@/lib/server/dal/group-tags';
import { groupParams as params } from '../params';

export const GET = withReader({ params }, async ({ reader, params }) => ({
  tags: await listGroupTags(reader, params.id),
}));

export const POST = withReader({ params, body: createTagSchema }, async ({ reader, params, body }) =>
  json({ tag: await createGroupTag(reader, params.id, body) }, 201),
);
