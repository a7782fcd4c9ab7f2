'use client';
// The argument links of the document being read, kept live: loaded once the annotation list
// is (the links list is checked by link-access.ts like every channel), reloaded when the
// event stream says a link changed (use-live-updates.ts), when an end leaves the reader's
// list, and after the dialog links or unlinks. Cards show each annotation's count from the
// same cache the "Link to…" dialog reads.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { LinkView } from '@/lib/links/schemas';
import { linksApi } from './links-api';

export const linkKeys = {
  document: (documentId: string) => ['links', documentId] as const,
};

/** How many of `links` have `annotationId` at either end. */
export function countLinksOf(links: readonly Pick<LinkView, 'fromId' | 'toId'>[], annotationId: string) {
  let n = 0;
  for (const l of links) if (l.fromId === annotationId || l.toId === annotationId) n++;
  return n;
}

/** The ends of `links` not in `ids` (an end deleted or hidden since the links were loaded). */
export function missingEnds(links: readonly Pick<LinkView, 'fromId' | 'toId'>[], ids: ReadonlySet<string>) {
  return [...new Set(links.flatMap((l) => [l.fromId, l.toId]))].filter((id) => !ids.has(id));
}

export function useDocumentLinks(documentId: string, enabled = true) {
  return useQuery({
    queryKey: linkKeys.document(documentId),
    queryFn: () => linksApi.list(documentId),
    enabled,
  });
}

/** How many links the reader sees on this annotation, from the page's cache (never fetches). */
export function useLinkCount(documentId: string, annotationId: string): number {
  const { data } = useQuery({
    queryKey: linkKeys.document(documentId),
    queryFn: () => linksApi.list(documentId),
    enabled: false,
    select: (d) => countLinksOf(d.links, annotationId),
  });
  return data ?? 0;
}

/** Loads the reader's links and returns the reload the live stream calls. */
export function useReaderLinks(
  documentId: string,
  enabled: boolean,
  annotations: readonly { id: string }[] | undefined,
) {
  const client = useQueryClient();
  const { data } = useDocumentLinks(documentId, enabled);
  const reload = useCallback(
    () => void client.invalidateQueries({ queryKey: linkKeys.document(documentId) }),
    [client, documentId],
  );
  /** after remote changes to annotations: reload if one is a link's end (hiding or deleting
   * it hides the link, and no link event says so) */
  const reloadIfEnds = useCallback(
    (ids: string[]) => {
      const links = client.getQueryData<{ links: LinkView[] }>(linkKeys.document(documentId))?.links;
      if (links?.some((l) => ids.includes(l.fromId) || ids.includes(l.toId))) reload();
    },
    [client, documentId, reload],
  );
  // An end gone from the reader's list (deleted here) hides its links: reload once per end.
  const reloadedFor = useRef(new Set<string>());
  useEffect(() => {
    if (!data || !annotations) return;
    const gone = missingEnds(data.links, new Set(annotations.map((a) => a.id))).filter(
      (id) => !reloadedFor.current.has(id),
    );
    if (gone.length === 0) return;
    for (const id of gone) reloadedFor.current.add(id);
    reload();
  }, [data, annotations, reload]);
  return { reload, reloadIfEnds };
}
