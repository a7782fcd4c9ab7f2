'use client';
import { useMutationState } from '@tanstack/react-query';
import { ApiError } from '@/lib/client/api';

/** "Reconnecting…" while a save waits for the server (503, or no answer) and is retried. */
export function ConnectionNotice() {
  const waiting = useMutationState({
    filters: { status: 'pending' },
    select: (m) => {
      const reason = m.state.failureReason;
      return reason instanceof ApiError && (reason.kind === 'unavailable' || reason.kind === 'network');
    },
  });
  if (!waiting.some(Boolean)) return null;
  return (
    <p className="notice" role="status">
      Reconnecting… Your changes are kept and will be sent when Marginalia answers.
    </p>
  );
}
