import { createApiTokenSchema } from '@/lib/account/schemas';
import { json, withReader } from '@/lib/server/api';
import { refuseTokenRequest } from '@/lib/server/api-tokens';
import { createApiToken, listApiTokens } from '@/lib/server/dal/api-tokens';

/** The reader's personal API tokens (never their secrets). */
export const GET = withReader({}, async ({ reader }) => ({ tokens: await listApiTokens(reader) }));

/** A new token; its secret is in this answer and nowhere else. */
export const POST = withReader({ body: createApiTokenSchema }, async ({ reader, body, request }) => {
  refuseTokenRequest(request);
  return json(await createApiToken(reader, body.name), 201);
});
