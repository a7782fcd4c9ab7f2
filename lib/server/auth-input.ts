import 'server-only';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { authFieldLimitsSchema } from '@/lib/auth/schemas';

// better-auth reads sign-up and profile bodies itself, so the API's input limits
// (lib/limits.ts: a display name is at most 80 characters, as the form says) are checked
// here, before any of its endpoints runs: one member's megabyte name would otherwise be
// copied into every group page, list and export that shows it.
const CHECKED_PATHS = new Set(['/sign-up/email', '/sign-in/email', '/update-user']);

export const checkAuthInput = createAuthMiddleware(async (ctx) => {
  if (!CHECKED_PATHS.has(ctx.path) || typeof ctx.body !== 'object' || ctx.body === null) return;
  const result = authFieldLimitsSchema.safeParse(ctx.body);
  if (!result.success) {
    throw new APIError('BAD_REQUEST', {
      code: 'VALIDATION_FAILED',
      message: result.error.issues[0]?.message ?? 'The request is not valid.',
    });
  }
});
