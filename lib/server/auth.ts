import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { isHostileString } from '@/lib/http/hostile-text';
import { checkAuthInput } from './auth-input';
import { noteAuthFailure } from './auth-failures';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { db } from './db';
import { deliverResetLink } from './mail/reset-mail';

/** How long a password-reset link works (it also works only once). */
export const RESET_TOKEN_TTL_SECONDS = 60 * 60;

export const MIN_PASSWORD_LENGTH = 8;
/** As the sign-up form says; the users table has a CHECK for it too. */
export const MAX_DISPLAY_NAME_LENGTH = 80;

const baseURL = process.env.BETTER_AUTH_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/** A display name is shown on every note and reply of its reader: short, and plain text. */
function checkDisplayName(name: unknown) {
  if (typeof name !== 'string') return;
  if (name.trim() === '') throw new APIError('BAD_REQUEST', { message: 'Enter your name.' });
  if (name.length > MAX_DISPLAY_NAME_LENGTH)
    throw new APIError('BAD_REQUEST', {
      message: `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters for your name.`,
    });
  if (isHostileString(name))
    throw new APIError('BAD_REQUEST', { message: 'Your name contains characters that cannot be stored.' });
}

export const auth = betterAuth({
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET,
  trustedOrigins: [baseURL],
  database: prismaAdapter(db, { provider: 'postgresql' }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    maxPasswordLength: 256,
    autoSignIn: true,
    // "Forgot password?": better-auth's own flow (/request-password-reset, /reset-password);
    // the token is single-use, expires, and every session of the account ends with it.
    sendResetPassword: async ({ user, url }) => deliverResetLink(user, url),
    resetPasswordTokenExpiresIn: RESET_TOKEN_TTL_SECONDS,
    revokeSessionsOnPasswordReset: true,
  },
  databaseHooks: {
    user: {
      create: { before: async (user) => void checkDisplayName(user.name) },
      update: { before: async (user) => void checkDisplayName(user.name) },
    },
  },
  // The session is re-read from PostgreSQL at most once a minute (a signed cookie caches
  // it meanwhile): better-auth's full lookup costs more than most API calls. A session
  // that was ended (sign-out, password change) is caught by session.ts, which checks
  // every cached session against the sessions table with one indexed query (ADR 0006).
  session: {
    expiresIn: 60 * 60 * 24 * 30,
    updateAge: 60 * 60 * 24,
    cookieCache: { enabled: true, maxAge: 60 },
  },
  // Kept on for users; the test runner turns it off because every spec signs in fresh.
  // Sign-in and sign-up are limited before better-auth sees them (sign-in-limits.ts: failed
  // sign-ins per account, a budget per client address that a class of 40 fits in, counted in
  // PostgreSQL), so better-auth's own 3-per-10-s rule is turned off for them. Everything else
  // keeps its rules, per client address as auth-route.ts resolved it (TRUSTED_PROXIES).
  rateLimit: {
    enabled: process.env.MARGINALIA_RATE_LIMIT !== 'off',
    window: 60,
    max: 300,
    customRules: { '/sign-in/*': false, '/sign-up/*': false },
  },
  advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
  // The API's input limits for better-auth's own bodies (lib/server/auth-input.ts).
  hooks: { before: checkAuthInput },
  onAPIError: { onError: (error) => noteAuthFailure(error) },
  plugins: [nextCookies()],
});
