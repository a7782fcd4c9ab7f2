'use client';
import { useEffect, useState } from 'react';
import { apiFetch } from './api-client';

/** Ids of the annotations matching a full-text query (PostgreSQL, debounced); null
 * while there is no query, so that callers fall back to local matching. */
export function useSearchMatches(documentId: string, q: string): Set<string> | null {
  const [matches, setMatches] = useState<Set<string> | null>(null);
  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setMatches(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const { annotations } = await apiFetch<{ annotations: { id: string }[] }>(
          `/api/v1/documents/${documentId}/annotations?q=${encodeURIComponent(query)}`,
          { signal: controller.signal },
        );
        setMatches(new Set(annotations.map((a) => a.id)));
      } catch {
        setMatches(null);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [documentId, q]);
  return q.trim() ? matches : null;
}
