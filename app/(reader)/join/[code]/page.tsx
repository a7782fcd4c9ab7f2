import { notFound } from 'next/navigation';
import { JoinCard } from '@/components/groups/join-card';
import { previewInvite } from '@/lib/server/dal/groups';
import { AppError } from '@/lib/server/errors';
import { requireReader } from '@/lib/server/session';

export const metadata = { title: 'Join a group' };

type Props = { params: Promise<{ code: string }> };

export default async function JoinPage({ params }: Props) {
  const { code } = await params;
  // A signed-out visitor signs in (or up) first and comes straight back here.
  const reader = await requireReader(`/join/${encodeURIComponent(code)}`);
  const preview = await previewInvite(reader, code).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <main id="main" className="page">
      <JoinCard code={code} group={preview.group} role={preview.role} />
    </main>
  );
}
