'use client';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import type { AnnotationView, TagView } from '@/lib/annotations/types';
import { labelBlocks } from '@/lib/reader/block-labels';
import { matchesFilters, NO_FILTERS, type ReaderFilters } from '@/lib/reader/filter-annotations';
import { AttentionBars } from '@/components/review/attention-bars';
import { ReviewPanel } from '@/components/review/review-panel';
import { ExportButtons } from '@/components/export/export-buttons';
import { annotationsApi, apiFetch, ApiError } from './api-client';
import { useLiveUpdates } from './use-live-updates';
import type { BlockData } from './article-block';
import { AnnotationToolbar } from './annotation-toolbar';
import { HighlightedBlock } from './highlighted-block';
import { ReaderControls } from './reader-controls';
import { ReattachBar } from './reattach-bar';
import { RunPopover } from './run-popover';
import { TagStyles } from './tag-styles';
import { useAnnotations, type LocalAnnotation } from './use-annotations';
import { useHighlightModel } from './use-highlight-model';
import { useKeyboardSelection } from './use-keyboard-selection';
import { useSearchMatches } from './use-search-matches';
import { useSelectionDraft } from './use-selection-draft';
import './reader.css';

export interface ReaderAppProps {
  document: { id: string; slug: string; title: string; version: number; currentVersion: number };
  blocks: BlockData[];
  annotations: AnnotationView[];
  tags: TagView[];
  reader: { id: string; name: string };
  groups: { id: string; name: string }[];
  /** shown when the reader may upload a revised version */
  canRevise?: boolean;
  /** open with the review filtered to this group (links from a group page) */
  initialGroup?: string;
  /** groups the reader facilitates: links to their per-reader summary */
  facilitatedGroups?: { id: string; name: string }[];
}

export function ReaderApp(props: ReaderAppProps) {
  const { document: doc, blocks, tags, reader, groups } = props;
  const articleRef = useRef<HTMLElement>(null);
  const index = useMemo(
    () => buildDocumentIndex(blocks.map((b) => ({ anchor: b.anchor, text: b.text }))),
    [blocks],
  );
  const labels = useMemo(() => labelBlocks(blocks), [blocks]);
  const store = useAnnotations({
    documentId: doc.id,
    documentVersion: doc.version,
    reader,
    groups,
    initial: props.annotations,
  });
  const [filters, setFilters] = useState<ReaderFilters>(
    props.initialGroup ? { ...NO_FILTERS, group: props.initialGroup } : NO_FILTERS,
  );
  const [announcement, setAnnouncement] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [openRun, setOpenRun] = useState<{ ids: string[]; element: HTMLElement } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [reattaching, setReattaching] = useState<LocalAnnotation | null>(null);
  const readOnly = doc.version !== doc.currentVersion;
  const activeTags = useMemo(() => tags.filter((t) => !t.retired), [tags]);

  const visibilityKey = `marginalia:visibility:${doc.id}`;
  const defaultGroupId = useMemo(() => {
    if (typeof window === 'undefined') return null;
    const saved = window.localStorage.getItem(visibilityKey);
    return groups.some((g) => g.id === saved) ? saved : null;
  }, [groups, visibilityKey]);
  const selection = useSelectionDraft({
    articleRef,
    index,
    storageKey: `marginalia:draft:${doc.id}:${reader.id}`,
    defaultGroupId,
  });
  const draftValid =
    selection.state &&
    index.indexByAnchor.has(selection.state.target.start.block) &&
    index.indexByAnchor.has(selection.state.target.end.block);
  const draft = !readOnly && draftValid ? selection.state : null;

  // Full-text search runs in PostgreSQL (stemming); other filters apply at once here.
  const searchMatches = useSearchMatches(doc.id, filters.q);
  const anchored = useMemo(
    () => store.annotations.filter((a) => a.status !== 'ORPHANED' && a.documentVersion === doc.version),
    [store.annotations, doc.version],
  );
  const orphans = useMemo(
    () => store.annotations.filter((a) => a.status === 'ORPHANED'),
    [store.annotations],
  );
  const shown = useMemo(
    () =>
      anchored.filter((a) =>
        searchMatches && !a.local
          ? searchMatches.has(a.id) && matchesFilters(a, { ...filters, q: '' }, reader.id)
          : matchesFilters(a, filters, reader.id),
      ),
    [anchored, filters, reader.id, searchMatches],
  );
  // Live: changes by others arrive through the event stream; details are fetched
  // through the API, which checks visibility again.
  const [replyRefresh, setReplyRefresh] = useState<Record<string, number>>({});
  const [resyncs, setResyncs] = useState(0);
  const latest = useRef(store.annotations);
  useEffect(() => {
    latest.current = store.annotations;
  });
  const { applyRemote } = store;
  const refetch = useCallback(
    async (ids: string[]) => {
      const results = await Promise.all(
        ids.map(async (id) => {
          try {
            return {
              id,
              annotation: (await apiFetch<{ annotation: AnnotationView }>(`/api/v1/annotations/${id}`))
                .annotation,
            };
          } catch (e) {
            return { id, annotation: e instanceof ApiError && e.status === 404 ? null : undefined };
          }
        }),
      );
      applyRemote({
        upsert: results.flatMap((r) => (r.annotation ? [r.annotation] : [])),
        removeIds: results.flatMap((r) => (r.annotation === null ? [r.id] : [])),
      });
    },
    [applyRemote],
  );
  const resync = useCallback(async () => {
    const { annotations } = await annotationsApi.list(doc.id);
    const fresh = new Set(annotations.map((a) => a.id));
    applyRemote({
      upsert: annotations,
      removeIds: latest.current.filter((a) => !a.local && !fresh.has(a.id)).map((a) => a.id),
    });
    setResyncs((n) => n + 1);
  }, [applyRemote, doc.id]);
  useLiveUpdates({
    documentId: doc.id,
    enabled: !readOnly,
    onAnnotationChanged: (ids) => void refetch(ids),
    onReplyChanged: (id) => {
      setReplyRefresh((m) => ({ ...m, [id]: (m[id] ?? 0) + 1 }));
      void refetch([id]);
    },
    onResync: () => void resync().catch(() => undefined),
  });

  const model = useHighlightModel({ index, shown, all: store.annotations, draft, readerId: reader.id, tags });

  const onOpenRun = useCallback((ids: string[], element: HTMLElement) => {
    setOpenRun({ ids, element });
    setActiveId(ids[0] ?? null);
  }, []);

  const showInText = useCallback((a: LocalAnnotation) => {
    setActiveId(a.id);
    const mark = articleRef.current?.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(a.id)}"]`);
    const block = document.getElementById(a.target.start.block);
    (mark ?? block)?.scrollIntoView({ block: 'center' });
    if (mark) {
      mark.classList.remove('hl-flash');
      void mark.offsetWidth;
      mark.classList.add('hl-flash');
      mark.focus({ preventScroll: true });
    }
  }, []);

  const save = useCallback(() => {
    if (!draft) return;
    if (draft.draft.tags.length === 0) {
      setSaveError(
        `Pick at least one tag: ${activeTags
          .slice(0, 3)
          .map((t, i) => `${i + 1} ${t.name}`)
          .join(', ')}.`,
      );
      return;
    }
    setSaveError(null);
    store.create({
      target: draft.target,
      tags: draft.draft.tags,
      note: draft.draft.note,
      noteText: draft.draft.noteText,
      groupId: draft.draft.groupId,
    });
    window.localStorage.setItem(visibilityKey, draft.draft.groupId ?? '');
    selection.close();
    setAnnouncement('Highlight saved.');
  }, [activeTags, draft, selection, store, visibilityKey]);

  const keyboard = useKeyboardSelection({
    articleRef,
    blocks,
    index,
    onSelect: (target, focusToolbar) => selection.open(target, focusToolbar),
    onCancel: selection.close,
  });

  const onArticleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (draft && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const tag = activeTags[Number(event.key) - 1];
      if (tag) {
        event.preventDefault();
        const has = draft.draft.tags.includes(tag.slug);
        selection.setDraft({
          ...draft.draft,
          tags: has ? draft.draft.tags.filter((t) => t !== tag.slug) : [...draft.draft.tags, tag.slug],
        });
        setAnnouncement(`${tag.name} ${has ? 'removed' : 'added'}.`);
        return;
      }
    }
    if (draft && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
      return;
    }
    keyboard.onKeyDown(event);
  };

  const cardActions = {
    onSaveEdit: store.saveEdit,
    onDelete: async (id: string) => {
      await store.remove(id);
      setAnnouncement('Annotation deleted.');
    },
    onRetry: store.retry,
    onDiscard: store.discard,
    onHide: async (id: string, hidden: boolean) => {
      const { annotation } = await apiFetch<{ annotation: AnnotationView }>(
        `/api/v1/annotations/${id}/hide`,
        { method: 'POST', body: JSON.stringify({ hidden }) },
      );
      applyRemote({ upsert: [annotation] });
      setAnnouncement(hidden ? 'Hidden from members.' : 'Shown to members again.');
    },
  };

  return (
    <div className="reader-layout">
      <TagStyles tags={tags} />
      <div className="reader-main">
        <ReaderControls
          tags={tags}
          filters={filters}
          onFiltersChange={setFilters}
          shown={shown.length}
          total={anchored.length}
          documentSlug={doc.slug}
        >
          <ExportButtons
            documentId={doc.id}
            documentSlug={doc.slug}
            filters={filters}
            groups={groups}
            tags={tags}
            onImported={() => void resync().catch(() => undefined)}
          />
          {props.facilitatedGroups?.map((g) => (
            <a
              key={g.id}
              className="button button-small"
              href={`/documents/${doc.slug}/summary?group=${g.id}`}
            >
              Summary: {g.name}
            </a>
          ))}
          {props.canRevise && (
            <a className="button button-small" href={`/documents/${doc.slug}/revise`}>
              Revise
            </a>
          )}
        </ReaderControls>
        {readOnly && (
          <p className="notice" role="note">
            You are reading version {doc.version}, an earlier version of this article. It is read-only.{' '}
            <a href={`/documents/${doc.slug}`}>Read the current version</a>.
          </p>
        )}
        {reattaching && (
          <ReattachBar
            annotation={reattaching}
            target={draft?.target ?? null}
            onDone={async (target) => {
              await store.saveEdit(reattaching.id, { target, rev: reattaching.rev });
              selection.close();
              setReattaching(null);
              setAnnouncement('Annotation re-attached.');
            }}
            onCancel={() => setReattaching(null)}
          />
        )}
        <p id="keyboard-selection-help" className="visually-hidden">
          To select with the keyboard: press Enter on a paragraph to select its first word, arrow keys to
          move, Shift with arrow keys to extend, then Enter to annotate.
        </p>
        <article
          ref={articleRef}
          className="article"
          aria-label={doc.title}
          onKeyDown={readOnly ? undefined : onArticleKeyDown}
        >
          {blocks.map((block) => {
            const counts = model.attention.counts.get(block.anchor);
            return (
              <HighlightedBlock
                key={block.anchor}
                block={block}
                label={labels.get(block.anchor)!}
                highlights={model.byBlock.get(block.anchor) ?? []}
                renderKey={model.renderKeys.get(block.anchor) ?? ''}
                styleFor={model.styleFor}
                onOpenRun={onOpenRun}
                aside={
                  counts ? <AttentionBars counts={counts} tags={tags} max={model.attention.max} /> : undefined
                }
                asideKey={counts ? `${model.attention.max}:${[...counts].join(',')}` : ''}
              />
            );
          })}
        </article>
      </div>
      <ReviewPanel
        all={anchored}
        shown={shown}
        orphans={orphans}
        filters={filters}
        onFiltersChange={setFilters}
        tags={tags}
        groups={groups}
        labels={labels}
        activeId={activeId}
        onShow={showInText}
        onReattach={(a) => {
          setReattaching(a);
          setAnnouncement('Select the new passage for this annotation.');
        }}
        readerId={reader.id}
      />
      {draft && !reattaching && (
        <AnnotationToolbar
          draft={draft.draft}
          tags={activeTags}
          groups={groups}
          position={draft.position}
          error={saveError}
          restored={draft.restored}
          focusOnOpen={draft.focusOnOpen}
          onChange={selection.setDraft}
          onSave={save}
          onCancel={() => {
            setSaveError(null);
            selection.close();
          }}
        />
      )}
      {openRun && (
        <RunPopover
          anchorElement={openRun.element}
          annotations={openRun.ids.flatMap((id) => (model.byId.has(id) ? [model.byId.get(id)!] : []))}
          tags={tags}
          labels={labels}
          actions={cardActions}
          groups={groups}
          readerId={reader.id}
          threadKey={(id) => `${replyRefresh[id] ?? 0}:${resyncs}`}
          onClose={() => setOpenRun(null)}
        />
      )}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
