'use client';
import { useMemo } from 'react';
import type { LocalAnnotation } from './use-annotations';

/** The annotations anchored in this version, the orphans, and those the filters show (the
 * same ids the article shows, worked out once in ./use-highlight-records.ts). */
export function useVisibleAnnotations(opts: {
  documentVersion: number;
  annotations: LocalAnnotation[];
  shownIds: ReadonlySet<string>;
}) {
  const { documentVersion, annotations, shownIds } = opts;
  const anchored = useMemo(
    () => annotations.filter((a) => a.status !== 'ORPHANED' && a.documentVersion === documentVersion),
    [annotations, documentVersion],
  );
  const orphans = useMemo(() => annotations.filter((a) => a.status === 'ORPHANED'), [annotations]);
  const shown = useMemo(() => anchored.filter((a) => shownIds.has(a.id)), [anchored, shownIds]);
  return { anchored, orphans, shown };
}
