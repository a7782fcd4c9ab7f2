import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/server/auth';
import { guardAuthHandler } from '@/lib/server/auth-route';

const handlers = toNextJsHandler(auth);

export const GET = guardAuthHandler(handlers.GET);
export const POST = guardAuthHandler(handlers.POST);
