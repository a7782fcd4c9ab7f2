'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { ApiError, messageFor } from '@/lib/client/api';

/** Runs one API action at a time, keeps its error readable, and refreshes the
 * server-rendered page afterwards so every panel shows the new state. */
export function useAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const run = useCallback(
    async <T>(
      action: () => Promise<T>,
      opts: { refresh?: boolean; field?: string } = {},
    ): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      setFields({});
      try {
        const result = await action();
        if (opts.refresh !== false) router.refresh();
        return result;
      } catch (e) {
        setError(messageFor(e, opts.field));
        if (e instanceof ApiError) setFields(e.fields);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [router],
  );

  return { busy, error, fields, run, setError };
}
