import { updateMemberSchema } from '@/lib/groups/schemas';
import { withReader } from '@/lib/server/api';
import { changeMemberRole, removeMember } from '@/lib/server/dal/group-members';
import { memberParams as params } from '../../params';

/** Leave (your own id) or, as a facilitator, remove a member. */
export const DELETE = withReader({ params }, async ({ reader, params }) => {
  await removeMember(reader, params.id, params.userId);
  return new Response(null, { status: 204 });
});

export const PATCH = withReader({ params, body: updateMemberSchema }, async ({ reader, params, body }) => ({
  member: await changeMemberRole(reader, params.id, params.userId, body.role),
}));
