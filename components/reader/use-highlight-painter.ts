'use client';
// Connects the painter (./highlight-painter.ts) to the page: created once the static article
// is in the DOM, told about records, filters and the draft in layout effects (so a filter
// toggle is drawn in the same frame), and one delegated listener on <article> for clicks and
// Enter/Space on any highlight. Tab anywhere settles the highlights a filter change left for
// idle time first, so that focus only ever moves through highlights the filters show.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DocumentIndex, TextPoint } from '@/lib/anchoring/types';
import type { HighlightRecord } from '@/lib/reader/highlight-runs';
import { HighlightPainter } from './highlight-painter';

export function useHighlightPainter(opts: {
  articleRef: React.RefObject<HTMLElement | null>;
  index: DocumentIndex;
  readerId: string;
  tags: readonly { slug: string; name: string }[];
  records: readonly HighlightRecord[] | null;
  shown: ReadonlySet<string>;
  draft: { start: TextPoint; end: TextPoint } | null;
  onOpenRun: (ids: string[], element: HTMLElement) => void;
  /** the highlights could not be loaded: `onSettled` is called anyway */
  failed: boolean;
  /** once, after the first highlights are on screen (or failed to load) */
  onSettled: () => void;
  /** per-paragraph agreement markers in the margin, linking here (null: none) */
  agreementHref?: string | null;
}) {
  const { articleRef, index, readerId, tags, records, shown, draft, onOpenRun, failed } = opts;
  const [painter, setPainter] = useState<HighlightPainter | null>(null);
  const open = useRef(onOpenRun);
  const settled = useRef(opts.onSettled);
  useLayoutEffect(() => {
    open.current = onOpenRun;
    settled.current = opts.onSettled;
  });

  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const next = new HighlightPainter(article, index, readerId, tags);
    setPainter(next);
    return () => next.dispose();
  }, [articleRef, index, readerId, tags]);

  useLayoutEffect(() => {
    if (!painter || !records) return;
    painter.update(records, shown);
  }, [painter, records, shown]);

  // After the frame that shows the first highlights.
  const ready = (painter !== null && records !== null) || failed;
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => settled.current());
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready]);

  const agreementHref = opts.agreementHref ?? null;
  useLayoutEffect(() => {
    painter?.setAgreementLink(agreementHref);
  }, [painter, agreementHref]);

  useLayoutEffect(() => {
    painter?.setDraft(draft ? { start: draft.start, end: draft.end } : null);
  }, [painter, draft]);

  useEffect(() => {
    const article = articleRef.current;
    if (!article || !painter) return;
    const runAt = (event: Event) => {
      const mark = (event.target as Element | null)?.closest?.('mark.hl');
      const ids = mark && painter.idsAt(mark);
      return ids && ids.length > 0 ? { mark: mark as HTMLElement, ids } : null;
    };
    const onClick = (event: MouseEvent) => {
      painter.flush();
      if (window.getSelection()?.isCollapsed === false) return;
      const run = runAt(event);
      if (run) open.current(run.ids, run.mark);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const run = runAt(event);
      if (!run || event.target !== run.mark) return;
      event.preventDefault();
      event.stopPropagation();
      open.current(run.ids, run.mark);
    };
    // Before the browser moves focus (its default action comes after the keydown).
    const onTab = (event: KeyboardEvent) => {
      if (event.key === 'Tab') painter.flush();
    };
    article.addEventListener('click', onClick);
    article.addEventListener('keydown', onKeyDown);
    document.addEventListener('keydown', onTab, true);
    return () => {
      article.removeEventListener('click', onClick);
      article.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keydown', onTab, true);
    };
  }, [articleRef, painter]);

  /** Settles every highlight now (before looking one up in the DOM). */
  return useCallback(() => painter?.flush(), [painter]);
}
