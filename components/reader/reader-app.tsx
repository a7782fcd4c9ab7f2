'use client';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import type { TagView } from '@/lib/annotations/types';
import { revisionOf } from '@/lib/client/endpoints';
import { labelBlocks } from '@/lib/reader/block-labels';
import { NO_FILTERS, type ReaderFilters } from '@/lib/reader/filter-annotations';
import { ReviewPanel } from '@/components/review/review-panel';
import { ExportButtons } from '@/components/export/export-buttons';
import { useReaderLinks } from '@/components/links/use-link-counts';
import { preloadNoteEditor } from '@/components/notes/lazy-note-editor';
import { QueryProvider } from '@/components/query-provider';
import { AnnotationToolbar } from './annotation-toolbar';
import type { BlockData } from './article-block';
import { ConnectionNotice } from './connection-notice';
import { startEarlyHighlights } from './early-highlights';
import { whenIdle } from './idle-and-focus';
import { ReaderControls } from './reader-controls';
import { flashInText, ReaderLinks } from './reader-links';
import { ReattachBar } from './reattach-bar';
import { RunPopover } from './run-popover';
import { TagStyles } from './tag-styles';
import { useAnnotations, type LocalAnnotation } from './use-annotations';
import { useArticleHotkeys } from './use-article-hotkeys';
import { useCardActions } from './use-card-actions';
import { useDefaultVisibility, useDraftSave } from './use-draft-save';
import { useHighlightPainter } from './use-highlight-painter';
import { useHighlightRecords } from './use-highlight-records';
import { useKeyboardSelection } from './use-keyboard-selection';
import { useReaderSync } from './use-reader-sync';
import { useRunAnnotations } from './use-run-annotations';
import { useVisibleAnnotations } from './use-visible-annotations';
import { useSelectionDraft } from './use-selection-draft';
import { useTouchSelection } from './use-touch-selection';
import './reader.css';

// The highlights payload is read as soon as this module runs in the browser (before the page
// hydrates), so that hydration finds it parsed (./early-highlights.ts). The note editor's
// chunk is requested once the highlights are on screen (below), not beside them: its
// evaluation (40–50 ms of compile and run) was on the way to the first clickable highlight.
startEarlyHighlights();

export interface ReaderAppProps {
  document: { id: string; slug: string; title: string; version: number; currentVersion: number };
  blocks: BlockData[];
  /** the article's blocks as static HTML (lib/reader/article-html.ts), painted into, never re-rendered */
  articleHtml: string;
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

/** The reader page: the article with its highlights, the review panel and the toolbar. */
export function ReaderApp(props: ReaderAppProps) {
  return (
    <QueryProvider>
      <ReaderView {...props} />
    </QueryProvider>
  );
}
function ReaderView(props: ReaderAppProps) {
  const { document: doc, blocks, tags, reader, groups } = props;
  const articleRef = useRef<HTMLElement>(null);
  const index = useMemo(
    () => buildDocumentIndex(blocks.map((b) => ({ anchor: b.anchor, text: b.text }))),
    [blocks],
  );
  const labels = useMemo(() => labelBlocks(blocks), [blocks]);
  const readOnly = doc.version !== doc.currentVersion;
  // The full list (notes, replies…) loads in the background once the highlights are drawn.
  const [listEnabled, enableList] = useState(readOnly);
  const store = useAnnotations({
    documentId: doc.id,
    documentVersion: doc.version,
    reader,
    groups,
    enabled: listEnabled,
    pastVersion: readOnly ? doc.version : undefined,
  });
  const [filters, setFilters] = useState<ReaderFilters>(
    props.initialGroup ? { ...NO_FILTERS, group: props.initialGroup } : NO_FILTERS,
  );
  const [announcement, setAnnouncement] = useState('');
  const [warning, setWarning] = useState<string | null>(null);
  const [openRun, setOpenRun] = useState<{ ids: string[]; element: HTMLElement } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [reattaching, setReattaching] = useState<LocalAnnotation | null>(null);
  const activeTags = useMemo(() => tags.filter((t) => !t.retired), [tags]);

  const defaultGroupId = useDefaultVisibility(doc.id, groups, props.initialGroup);
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

  // Argument links arrive live like annotations (their counts show on the cards).
  const links = useReaderLinks(
    doc.id,
    listEnabled && !readOnly,
    store.loaded ? store.annotations : undefined,
  );
  const { resync } = useReaderSync({
    documentId: doc.id,
    enabled: !readOnly,
    applyRemote: store.applyRemote,
    onLinkChanged: links.reload,
    onAnnotationsChanged: links.reloadIfEnds,
  });

  const onOpenRun = useCallback((ids: string[], element: HTMLElement) => {
    setOpenRun({ ids, element });
    setActiveId(ids[0] ?? null);
  }, []);
  const highlights = useHighlightRecords({
    documentId: doc.id,
    documentVersion: doc.version,
    index,
    readOnly,
    annotations: store.annotations,
    loaded: store.loaded,
    filters,
    readerId: reader.id,
  });
  // The panel's list follows the filters in a render of its own, after the frame that shows
  // the article's change (and the pressed chip) has been painted.
  const listShownIds = useDeferredValue(highlights.shown);
  const { anchored, orphans, shown } = useVisibleAnnotations({
    documentVersion: doc.version,
    annotations: store.annotations,
    shownIds: listShownIds,
  });
  const settleHighlights = useHighlightPainter({
    articleRef,
    index,
    readerId: reader.id,
    tags,
    records: highlights.records,
    shown: highlights.shown,
    draft: draft?.target ?? null,
    onOpenRun,
    failed: highlights.failed,
    onSettled: () => {
      enableList(true);
      whenIdle(preloadNoteEditor, 500);
    },
    // Per-paragraph agreement where readers share passages, over what the filters show like
    // the bars; the marker opens the disagreement view of the seminar being read, if one.
    agreementHref: readOnly
      ? null
      : `/documents/${doc.slug}/disagreement${
          groups.some((g) => g.id === filters.group) ? `?group=${encodeURIComponent(filters.group)}` : ''
        }`,
  });
  // A run opened while its highlight was saving names it by its local id until the save lands.
  const { savedAs } = store;
  const openIds = useMemo(
    () => (openRun ? openRun.ids.map((id) => savedAs.get(id) ?? id) : null),
    [openRun, savedAs],
  );
  const run = useRunAnnotations(doc.id, openIds, store.annotations, highlights.records, index);

  const showInText = useCallback(
    (a: LocalAnnotation) => {
      setActiveId(a.id);
      settleHighlights();
      flashInText(articleRef.current, a);
    },
    [settleHighlights],
  );

  const { save, cancel, saveError } = useDraftSave({
    documentId: doc.id,
    draft,
    activeTags,
    create: store.create,
    close: selection.close,
    announce: setAnnouncement,
  });

  const keyboard = useKeyboardSelection({
    articleRef,
    blocks,
    index,
    onSelect: (target, focusToolbar) => selection.open(target, focusToolbar),
    onCancel: selection.close,
  });

  useTouchSelection({ articleRef, index, enabled: !readOnly, onSelect: selection.open });

  const onArticleKeyDown = useArticleHotkeys({
    draft,
    activeTags,
    setDraft: selection.setDraft,
    save,
    onOtherKey: keyboard.onKeyDown,
    announce: setAnnouncement,
  });
  const cardActions = useCardActions(store, setAnnouncement, setWarning);

  return (
    <div className="reader-layout">
      <TagStyles tags={tags} />
      <div className="reader-main">
        <ReaderControls
          tags={tags}
          filters={filters}
          onFiltersChange={setFilters}
          shown={highlights.shown.size}
          total={highlights.records?.length ?? 0}
          documentSlug={doc.slug}
        >
          <ExportButtons
            documentId={doc.id}
            documentSlug={doc.slug}
            filters={filters}
            groups={groups}
            tags={tags}
            onImported={resync}
          />
          <ReaderLinks
            slug={doc.slug}
            facilitatedGroups={props.facilitatedGroups}
            canRevise={props.canRevise}
          />
        </ReaderControls>
        {readOnly && (
          <p className="notice" role="note">
            You are reading version {doc.version}, an earlier version of this article. It is read-only.{' '}
            <a href={`/documents/${doc.slug}`}>Read the current version</a>.
          </p>
        )}
        <ConnectionNotice />
        {warning && (
          <p className="form-error" role="alert">
            {warning}
          </p>
        )}
        {reattaching && (
          <ReattachBar
            annotation={reattaching}
            target={draft?.target ?? null}
            onDone={async (target) => {
              await store.saveEdit(reattaching.id, { target, rev: revisionOf(reattaching) });
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
          // Static text: React never reconciles inside it (see use-highlight-painter.ts).
          dangerouslySetInnerHTML={{ __html: props.articleHtml }}
        />
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
        readerName={reader.name}
        actions={cardActions}
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
          onCancel={cancel}
        />
      )}
      {openRun && (run.annotations || run.previews) && (
        <RunPopover
          anchorElement={openRun.element}
          annotations={run.annotations}
          previews={run.previews ?? []}
          tags={tags}
          labels={labels}
          actions={cardActions}
          groups={groups}
          readerId={reader.id}
          readerName={reader.name}
          onClose={() => setOpenRun(null)}
        />
      )}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
