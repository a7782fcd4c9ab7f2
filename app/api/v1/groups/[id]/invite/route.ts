import { invitePath } from '@/lib/groups/invite-code';
import { withReader } from '@/lib/server/api';
import { regenerateInvite, revokeInvite } from '@/lib/server/dal/groups';
import { groupParams as params } from '../params';

/** A new invite link (the previous one stops working). */
export const POST = withReader({ params }, async ({ reader, params }) => {
  const { inviteCode } = await regenerateInvite(reader, params.id);
  return { inviteCode, invitePath: invitePath(inviteCode) };
});

/** Turns the invite link off until a new one is made. */
export const DELETE = withReader({ params }, async ({ reader, params }) => {
  await revokeInvite(reader, params.id);
  return new Response(null, { status: 204 });
});
