import { SiteHeader } from '@/components/ui/site-header';
import { getReader } from '@/lib/server/session';

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  const reader = await getReader();
  return (
    <>
      <SiteHeader reader={reader} />
      {children}
    </>
  );
}
