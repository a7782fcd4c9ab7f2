import { apiTokenParamsSchema as params } from '@/lib/account/schemas';
import { withReader } from '@/lib/server/api';
import { refuseTokenRequest } from '@/lib/server/api-tokens';
import { revokeApiToken } from '@/lib/server/dal/api-tokens';

/** Revokes a token at once: its next request is 401. */
export const DELETE = withReader({ params }, async ({ reader, params, request }) => {
  refuseTokenRequest(request);
  await revokeApiToken(reader, params.id);
  return new Response(null, { status: 204 });
});
