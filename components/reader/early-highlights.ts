// The highlights payload, read as soon as the reader's code runs in the browser (just before
// hydration) rather than after it (docs/adr/0024-reader-clickable-sooner.md). The page
// preloads it with its HTML (`<link rel=preload as=fetch>`), so by the time the scripts have
// arrived it has usually arrived too: the request made here is answered from the preload and
// parsed between hydration's slices, and hydration then finds it ready — the painter draws in
// the hydration's own commit instead of after a query's mount effect, its fetch and its
// notification timer.
import type { Highlights } from '@/lib/annotations/types';
import { highlightsApi } from '@/lib/client/endpoints';

interface Early {
  documentId: string;
  promise: Promise<Highlights>;
  value: Highlights | null;
}

let early: Early | null = null;

/** Starts reading the payload the page preloads, if it preloads one. Idempotent. */
export function startEarlyHighlights() {
  if (early || typeof document === 'undefined') return;
  const href = document
    .querySelector('link[rel="preload"][as="fetch"][href*="/highlights"]')
    ?.getAttribute('href');
  const match = href && /\/documents\/([^/]+)\/highlights$/.exec(href);
  if (!match) return;
  const documentId = decodeURIComponent(match[1]);
  const promise = highlightsApi.get(documentId);
  const entry: Early = { documentId, promise, value: null };
  early = entry;
  promise.then(
    (value) => {
      entry.value = value;
    },
    () => undefined, // the query that claims it reports the failure
  );
}

/** The early read for `documentId`, once: its value when it has arrived, else its promise.
 * Later reads (a refetch) go to the server as usual. */
export function claimEarlyHighlights(
  documentId: string,
): { value: Highlights } | { promise: Promise<Highlights> } | null {
  const entry = early;
  if (!entry || entry.documentId !== documentId) return null;
  early = null;
  return entry.value ? { value: entry.value } : { promise: entry.promise };
}
