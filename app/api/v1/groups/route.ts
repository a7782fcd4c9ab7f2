import { createGroupSchema } from '@/lib/groups/schemas';
import { json, withReader } from '@/lib/server/api';
import { createGroup, listGroups } from '@/lib/server/dal/groups';

export const GET = withReader({}, async ({ reader }) => ({ groups: await listGroups(reader) }));

export const POST = withReader({ body: createGroupSchema }, async ({ reader, body }) =>
  json({ group: await createGroup(reader, body) }, 201),
);
