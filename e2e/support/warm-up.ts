import { request, type FullConfig } from '@playwright/test';
import { PASSWORD, uniqueEmail } from './session';

/**
 * Global set-up: one request to each page and API route the specs use, before any test
 * starts its clock. `next start` loads a route's code on its first request; on a busy
 * machine that took seconds, and was charged to whichever test happened to come first.
 */
export default async function warmUp(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    const signUp = await api.post('/api/auth/sign-up/email', {
      data: { name: 'Warm-up', email: uniqueEmail('warm-up'), password: PASSWORD },
    });
    if (!signUp.ok()) throw new Error(`warm-up sign-up: ${signUp.status()} ${await signUp.text()}`);
    const paths = [
      '/sign-in',
      '/sign-up',
      '/library',
      '/groups',
      '/import',
      '/documents/face-time',
      '/documents/face-time/argument',
      '/documents/face-time/disagreement',
      '/api/v1/documents',
      '/api/v1/documents/face-time',
      '/api/v1/documents/face-time/annotations',
      '/api/v1/documents/face-time/links',
      '/api/v1/groups',
    ];
    // One after another: the point is to load each route once, not to add load.
    for (const path of paths) await api.get(path);
  } finally {
    await api.dispose();
  }
}
