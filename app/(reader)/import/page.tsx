import { ImportForm } from '@/components/import/import-form';
import { readerMemberships } from '@/lib/server/dal/memberships';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Import an article' };

export default async function ImportPage() {
  const reader = await requireReader('/import');
  const seminars = (await readerMemberships(reader))
    .filter((m) => m.role === 'FACILITATOR')
    .map((m) => ({ id: m.groupId, name: m.groupName }));
  return (
    <main id="main" className="page import-page">
      <h1>Import an article</h1>
      <p className="import-lead muted">
        Paste an article or upload a text, Markdown or HTML file. You will see how it was read, and can
        correct it, before it is saved. It stays private to you until you put it on a seminar’s reading list.
      </p>
      <ImportForm seminars={seminars} />
    </main>
  );
}
