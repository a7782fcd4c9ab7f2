import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { checkAuthInput } from './auth-input';
import { db } from './db';

export const MIN_PASSWORD_LENGTH = 8;

const baseURL = process.env.BETTER_AUTH_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

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
  },
  // The session is re-read from PostgreSQL at most once a minute (a signed cookie caches it
  // meanwhile): every API call needs it, and a lookup costs more than the call itself.
  // A session revoked from another device therefore lasts up to a minute longer.
  session: {
    expiresIn: 60 * 60 * 24 * 30,
    updateAge: 60 * 60 * 24,
    cookieCache: { enabled: true, maxAge: 60 },
  },
  // Kept on for users; the test runner turns it off because every spec signs in fresh.
  rateLimit: { enabled: process.env.MARGINALIA_RATE_LIMIT !== 'off', window: 60, max: 300 },
  // The API's input limits for better-auth's own bodies (lib/server/auth-input.ts).
  hooks: { before: checkAuthInput },
  plugins: [nextCookies()],
});
