'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLiveUpdates } from '@/components/reader/use-live-updates';

/** Keeps a server-rendered view of a document (the argument, the disagreements) current: a
 * link or annotation changed on the event stream re-renders the page from the server, which
 * applies the visibility rules again, and says so to screen readers. Once the stream first
 * opens, the page is rendered again without a word: a change made between the server's render
 * and the stream's subscription reaches no event. */
export function LiveRefresh({ documentId, what }: { documentId: string; what: string }) {
  const router = useRouter();
  const [said, setSaid] = useState('');
  const refresh = () => {
    router.refresh();
    setSaid(`${what} was updated.`);
  };
  useLiveUpdates({
    documentId,
    onAnnotationChanged: refresh,
    onReplyChanged: () => {},
    onResync: refresh,
    onLinkChanged: refresh,
    onFirstOpen: () => router.refresh(),
  });
  return (
    <p role="status" className="visually-hidden">
      {said}
    </p>
  );
}
