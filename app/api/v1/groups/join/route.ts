import { joinGroupSchema } from '@/lib/groups/schemas';
import { withReader } from '@/lib/server/api';
import { joinGroup } from '@/lib/server/dal/groups';

/** Join by invite code (or pasted invite link); joining twice is harmless. */
export const POST = withReader({ body: joinGroupSchema }, async ({ reader, body }) =>
  joinGroup(reader, body.code),
);
