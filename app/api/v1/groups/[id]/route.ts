import { updateGroupSchema } from '@/lib/groups/schemas';
import { withReader } from '@/lib/server/api';
import { getGroup, updateGroup } from '@/lib/server/dal/groups';
import { groupParams as params } from './params';

export const GET = withReader({ params }, async ({ reader, params }) => ({
  group: await getGroup(reader, params.id),
}));

export const PATCH = withReader({ params, body: updateGroupSchema }, async ({ reader, params, body }) => ({
  group: await updateGroup(reader, params.id, body),
}));
