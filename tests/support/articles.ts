// Set-ups for the article rules (docs/design.md, "Articles: owner, audience, reading lists"):
// administrators are named in ADMIN_EMAILS, read at each request, so a test can name one.
import { db } from '@/lib/server/db';
import type { TestUser } from './api';

/** Lists the user's email in ADMIN_EMAILS for the rest of this test file. */
export function makeAdministrator(user: TestUser): TestUser {
  const listed = (process.env.ADMIN_EMAILS ?? '').split(',').filter(Boolean);
  process.env.ADMIN_EMAILS = [...listed, user.email].join(',');
  return user;
}

/** Puts an article on a seminar's reading list directly (the API is tested in reading-lists.test.ts). */
export async function putOnReadingList(groupId: string, documentId: string): Promise<void> {
  const last = await db.reading.aggregate({ where: { groupId }, _max: { position: true } });
  await db.reading.create({ data: { groupId, documentId, position: (last._max.position ?? -1) + 1 } });
}
