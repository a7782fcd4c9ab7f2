import { ImportForm } from '@/components/import/import-form';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Import an article' };

export default async function ImportPage() {
  await requireReader('/import');
  return (
    <main id="main" className="page import-page">
      <h1>Import an article</h1>
      <p className="import-lead muted">
        Paste an article or upload a text, Markdown or HTML file. You will see how it was read, and can
        correct it, before it is saved.
      </p>
      <ImportForm />
    </main>
  );
}
