'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { NoteView } from '@/components/notes/note-view';
import { TagSwatch } from '@/components/reader/tag-styles';
import type { LocalAnnotation } from '@/components/reader/use-annotations';
import { ReviewFilters } from './review-filters';
import './review.css';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** The group's reading, in document order: filters, counts, and a virtualised list
 * (thousands of cards stay smooth). Clicking a card shows its passage. */
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
}: {
  all: LocalAnnotation[];
  shown: LocalAnnotation[];
  orphans: LocalAnnotation[];
  filters: ReaderFilters;
  onFiltersChange: (filters: ReaderFilters) => void;
  tags: TagView[];
  groups: { id: string; name: string }[];
  labels: Map<string, string>;
  activeId: string | null;
  onShow: (annotation: LocalAnnotation) => void;
  onReattach: (annotation: LocalAnnotation) => void;
  readerId: string;
}) {
  const [tab, setTab] = useState<'annotations' | 'orphans'>('annotations');
  const list = tab === 'annotations' ? shown : orphans;
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
  const tagBySlug = useMemo(() => new Map(tags.map((t) => [t.slug, t])), [tags]);

  // Not a defect but a notice: React Compiler (not used here) would skip memoizing this
  // component because useVirtualizer's functions change on every scroll, which is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 6,
    getItemKey: (i) => list[i].id,
  });

  useEffect(() => {
    if (!activeId) return;
    const index = list.findIndex((a) => a.id === activeId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [activeId, list, virtualizer]);

  return (
    <aside className="review-panel" aria-label="Review annotations">
      <div className="review-tabs" role="tablist" aria-label="Review">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'annotations'}
          onClick={() => setTab('annotations')}
        >
          Annotations <span className="count">{shown.length}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'orphans'} onClick={() => setTab('orphans')}>
          Orphans <span className="count">{orphans.length}</span>
        </button>
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
      <p className="review-count" aria-live="polite">
        {tab === 'annotations'
          ? shown.length === all.length
            ? `${all.length} annotation${all.length === 1 ? '' : 's'}`
            : `${shown.length} of ${all.length} annotations match`
          : orphans.length === 0
            ? 'No orphans: every annotation found its text.'
            : `${orphans.length} annotation${orphans.length === 1 ? '' : 's'} lost their text in a revision. Select new text and re-attach, or delete.`}
      </p>
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
                className={`review-card${a.id === activeId ? ' is-active' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div className="card-head">
                  <span className="card-label">
                    {tab === 'annotations' ? labels.get(a.target.start.block) : 'Orphan'}
                  </span>
                  <span className="card-author">{a.author.name}</span>
                  <span className="card-meta">
                    <time dateTime={a.createdAt}>{timeFormat.format(new Date(a.createdAt))}</time>
                  </span>
                </div>
                <blockquote className="card-quote">
                  {a.target.exact.length > 200 ? `${a.target.exact.slice(0, 200)}…` : a.target.exact}
                </blockquote>
                <ul className="card-tags" aria-label="Tags">
                  {a.tags.map((slug) => (
                    <li key={slug}>
                      <TagSwatch tag={tagBySlug.get(slug) ?? { slug, name: slug }} />
                    </li>
                  ))}
                  <li className="muted">{a.group ? a.group.name : 'Private'}</li>
                </ul>
                {a.hidden && !a.note ? (
                  <p className="muted">Hidden by the facilitator.</p>
                ) : (
                  <NoteView doc={a.note} className="card-note" />
                )}
                <div className="card-actions">
                  {tab === 'annotations' ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onShow(a)}
                      aria-label={`Show in text: ${a.target.exact.slice(0, 60)}`}
                    >
                      Show in text
                    </button>
                  ) : (
                    a.can.edit && (
                      <button type="button" className="button button-small" onClick={() => onReattach(a)}>
                        Re-attach to selection
                      </button>
                    )
                  )}
                  <span className="muted">
                    {a.replyCount} repl{a.replyCount === 1 ? 'y' : 'ies'}
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </aside>
  );
}
