// Imports the sample article through the same importer readers use, once; it is public to
// every signed-in reader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDocument } from '@/lib/server/dal/documents';
import { db } from '@/lib/server/db';

export const SAMPLE_SLUG = 'face-time';

export async function seedSampleArticle(): Promise<'created' | 'present'> {
  const existing = await db.document.findUnique({ where: { slug: SAMPLE_SLUG }, select: { id: true } });
  if (existing) return 'present';
  const text = readFileSync(
    path.resolve(import.meta.dirname, '../lib/articles/fixtures/face-time.txt'),
    'utf8',
  );
  await createDocument(null, { text, format: 'text', slug: SAMPLE_SLUG, audience: 'PUBLIC' });
  return 'created';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await seedSampleArticle();
  console.log(
    `[db] sample article "${SAMPLE_SLUG}": ${outcome === 'created' ? 'imported' : 'already there'}`,
  );
  await db.$disconnect();
}
