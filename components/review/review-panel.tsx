'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TagView } from '@/lib/annotations/types';
import { blockPositions, sortInDocumentOrder } from '@/lib/reader/document-order';
import { NO_FILTERS, type ReaderFilters } from '@/lib/reader/filter-annotations';
import type { CardActions } from '@/components/annotations/annotation-card';
import type { LocalAnnotation } from '@/components/reader/use-annotations';
import { ActivePassageStyle } from './active-passage-style';
import { ReviewCard } from './review-card';
import { ReviewFilters } from './review-filters';
import { ReviewStatus } from './review-status';
import { useArrivals } from './use-arrivals';
import { useReviewDrawer } from './use-review-drawer';
import './review.css';

const noSubscription = () => () => {};

/** The group's reading, always in document order (then creation time): filters, counts,
 * and a virtualised list (thousands of cards stay smooth) of cards with their threads.
 * Clicking a card shows its passage; a passage opened in the text selects its card. On a
 * narrow screen the panel is a bottom sheet opened from a button that shows the count. */
export function ReviewPanel({
  all,
  shown,
  orphans,
  filters,
  onFiltersChange,
  tags,
  groups,
  labels,
  activeId,
  onShow,
  onReattach,
  readerId,
  readerName,
  actions,
}: {
  all: LocalAnnotation[];
  shown: LocalAnnotation[];
  orphans: LocalAnnotation[];
  filters: ReaderFilters;
  onFiltersChange: (filters: ReaderFilters) => void;
  tags: TagView[];
  groups: { id: string; name: string }[];
  /** block anchor → "¶4"; built from the blocks in document order */
  labels: Map<string, string>;
  activeId: string | null;
  onShow: (annotation: LocalAnnotation) => void;
  onReattach: (annotation: LocalAnnotation) => void;
  readerId: string;
  readerName: string;
  actions: CardActions;
}) {
  const [chosenTab, setTab] = useState<'annotations' | 'orphans'>('annotations');
  const tab = orphans.length === 0 ? 'annotations' : chosenTab;
  const [threadId, setThreadId] = useState<string | null>(null);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const panelId = useId();
  const drawer = useReviewDrawer();
  // `shown` follows the filters in a deferred render (reader-app.tsx): the status line
  // follows with it, so it never counts the new filters against the old list.
  const listFilters = useDeferredValue(filters);
  const positions = useMemo(() => blockPositions(labels.keys()), [labels]);
  const ordered = useMemo(() => sortInDocumentOrder(shown, positions), [shown, positions]);
  const list = tab === 'annotations' ? ordered : orphans;
  const allIds = useMemo(() => all.map((a) => a.id), [all]);
  const fresh = useArrivals(allIds);
  const scrollRef = useRef<HTMLDivElement>(null);
  const readers = useMemo(() => {
    const counts = new Map<string, { id: string; name: string; count: number }>();
    for (const a of all) {
      const entry = counts.get(a.author.id) ?? {
        id: a.author.id,
        name: a.author.id === readerId ? `${a.author.name} (you)` : a.author.name,
        count: 0,
      };
      entry.count += 1;
      counts.set(a.author.id, entry);
    }
    return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [all, readerId]);

  // Not a defect but a notice: React Compiler (not used here) would skip memoizing this
  // component because useVirtualizer's functions change on every scroll, which is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 170,
    overscan: 6,
    getItemKey: (i) => list[i].id,
  });

  // The card of a passage opened in the text comes into view, once per opening (not again
  // each time a live arrival changes the list).
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!activeId || scrolledTo.current === activeId) return;
    const index = list.findIndex((a) => a.id === activeId);
    if (index < 0) return;
    scrolledTo.current = activeId;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [activeId, list, virtualizer]);

  const show = (a: LocalAnnotation) => {
    drawer.close(false);
    onShow(a);
  };
  const highlighted = threadId ?? activeId;

  return (
    <>
      <ActivePassageStyle id={highlighted} />
      <button
        ref={drawer.buttonRef}
        type="button"
        className="review-open button"
        aria-expanded={drawer.open}
        aria-controls={panelId}
        onClick={drawer.toggle}
      >
        Annotations{' '}
        <span className="count" aria-label={hydrated ? `(${all.length})` : undefined}>
          {hydrated ? all.length : '…'}
        </span>
      </button>
      {/* Escape closes the sheet on a phone (the WAI-ARIA dialog pattern). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <aside
        id={panelId}
        ref={drawer.panelRef}
        className={`review-panel${drawer.open ? ' is-open' : ''}`}
        aria-label="Review annotations"
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && drawer.open) {
            event.stopPropagation();
            drawer.close(true);
          }
        }}
      >
        <div className="review-sheet-head">
          <strong>Annotations</strong>
          <button
            type="button"
            className="button button-small"
            onClick={() => drawer.close(true)}
            aria-label="Close annotations"
          >
            ×
          </button>
        </div>
        <div className="review-tabs" role="tablist" aria-label="Review">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'annotations'}
            onClick={() => setTab('annotations')}
          >
            Annotations{' '}
            <span className="count">
              {shown.length === all.length ? all.length : `${shown.length} of ${all.length}`}
            </span>
          </button>
          {orphans.length > 0 && (
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'orphans'}
              onClick={() => setTab('orphans')}
            >
              Orphans <span className="count">{orphans.length}</span>
            </button>
          )}
        </div>
        {tab === 'annotations' && (
          <ReviewFilters
            filters={filters}
            onChange={onFiltersChange}
            tags={tags}
            readers={readers}
            groups={groups}
          />
        )}
        <ReviewStatus
          tab={tab}
          loading={!hydrated}
          shown={shown.length}
          total={all.length}
          orphans={orphans.length}
          filtered={JSON.stringify(listFilters) !== JSON.stringify(NO_FILTERS)}
          onClearFilters={() => onFiltersChange(NO_FILTERS)}
        />
        <div
          ref={scrollRef}
          className="review-scroll"
          role="tabpanel"
          aria-label={tab === 'annotations' ? 'Annotations' : 'Orphans'}
        >
          <ol className="review-list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const a = list[item.index];
              return (
                <li
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-id={a.id}
                  className={`review-card${a.id === activeId ? ' is-active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <ReviewCard
                    annotation={a}
                    orphan={tab === 'orphans'}
                    label={labels.get(a.target.start.block)}
                    tags={tags}
                    groups={groups}
                    actions={actions}
                    readerId={readerId}
                    readerName={readerName}
                    active={a.id === activeId}
                    fresh={fresh.has(a.id)}
                    onShow={show}
                    onReattach={(annotation) => {
                      drawer.close(false);
                      onReattach(annotation);
                    }}
                    onThreadOpen={(annotation) => setThreadId(annotation.id)}
                  />
                </li>
              );
            })}
          </ol>
        </div>
      </aside>
    </>
  );
}
