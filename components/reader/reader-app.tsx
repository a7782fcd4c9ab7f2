'use client';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import type { AnnotationView, TagView } from '@/lib/annotations/types';
import { highlightsByBlock } from '@/lib/segments/highlights-by-block';
import { labelBlocks } from '@/lib/reader/block-labels';
import { matchesFilters, NO_FILTERS, type ReaderFilters } from '@/lib/reader/filter-annotations';
import type { BlockData } from './article-block';
import { AnnotationToolbar } from './annotation-toolbar';
import { HighlightedBlock, type RunStyle } from './highlighted-block';
import { ReaderControls } from './reader-controls';
import { RunPopover } from './run-popover';
import { TagStyles } from './tag-styles';
import { useAnnotations, type LocalAnnotation } from './use-annotations';
import { useKeyboardSelection } from './use-keyboard-selection';
import { useSelectionDraft } from './use-selection-draft';
import './reader.css';

export interface ReaderAppProps {
  document: { id: string; slug: string; title: string; version: number; currentVersion: number };
  blocks: BlockData[];
  annotations: AnnotationView[];
  tags: TagView[];
  reader: { id: string; name: string };
  groups: { id: string; name: string }[];
}

export function ReaderApp(props: ReaderAppProps) {
  const { document: doc, blocks, tags, reader, groups } = props;
  const articleRef = useRef<HTMLElement>(null);
  const index = useMemo(() => buildDocumentIndex(blocks.map((b) => ({ anchor: b.anchor, text: b.text }))), [blocks]);
  const labels = useMemo(() => labelBlocks(blocks), [blocks]);
  const store = useAnnotations({ documentId: doc.id, documentVersion: doc.version, reader, groups, initial: props.annotations });
  const [filters, setFilters] = useState<ReaderFilters>(NO_FILTERS);
  const [announcement, setAnnouncement] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [openRun, setOpenRun] = useState<{ ids: string[]; element: HTMLElement } | null>(null);
  const readOnly = doc.version !== doc.currentVersion;
  const activeTags = useMemo(() => tags.filter((t) => !t.retired), [tags]);

  const visibilityKey = `marginalia:visibility:${doc.id}`;
  const defaultGroupId = useMemo(() => {
    if (typeof window === 'undefined') return null;
    const saved = window.localStorage.getItem(visibilityKey);
    return groups.some((g) => g.id === saved) ? saved : null;
  }, [groups, visibilityKey]);
  const selection = useSelectionDraft({ articleRef, index, storageKey: `marginalia:draft:${doc.id}:${reader.id}`, defaultGroupId });
  const draftValid = selection.state && index.indexByAnchor.has(selection.state.target.start.block) && index.indexByAnchor.has(selection.state.target.end.block);
  const draft = !readOnly && draftValid ? selection.state : null;

  const visible = useMemo(
    () => store.annotations.filter((a) => a.status !== 'ORPHANED' && a.documentVersion === doc.version && matchesFilters(a, filters, reader.id)),
    [store.annotations, filters, reader.id, doc.version],
  );
  const byId = useMemo(() => new Map<string, LocalAnnotation>(store.annotations.map((a) => [a.id, a])), [store.annotations]);
  const byBlock = useMemo(() => {
    const ranges = visible.map((a) => ({ id: a.id, target: a.target }));
    if (draft) ranges.push({ id: 'draft', target: draft.target });
    return highlightsByBlock(index, ranges);
  }, [visible, draft, index]);

  const styleFor = useCallback(
    (ids: string[]): RunStyle | null => {
      const list = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      const isDraft = ids.includes('draft');
      if (list.length === 0) return isDraft ? { tag1: '', count: 0, mine: true, unsaved: false, draft: true, description: 'your selection' } : null;
      const primary = list.find((a) => a.author.id === reader.id) ?? list[0];
      const allTags = [...new Set(list.flatMap((a) => a.tags))];
      const tag1 = primary.tags[0];
      const tag2 = allTags.find((t) => t !== tag1);
      const names = allTags.map((slug) => tags.find((t) => t.slug === slug)?.name ?? slug);
      return {
        tag1,
        tag2,
        count: list.length,
        mine: list.some((a) => a.author.id === reader.id),
        unsaved: list.some((a) => a.local),
        draft: isDraft,
        description: `${names.join(', ')} · ${list.length === 1 ? `1 annotation by ${list[0].author.name}` : `${list.length} annotations`}${list.some((a) => a.local?.state === 'failed') ? ' · not saved' : ''}`,
      };
    },
    [byId, reader.id, tags],
  );

  const renderKeys = useMemo(() => {
    const keys = new Map<string, string>();
    for (const [anchor, hs] of byBlock) {
      keys.set(anchor, hs.map((h) => { const a = byId.get(h.id); return `${h.id}:${h.start}-${h.end}:${a?.tags.join(',')}:${a?.local?.state ?? ''}`; }).join('|'));
    }
    return keys;
  }, [byBlock, byId]);

  const onOpenRun = useCallback((ids: string[], element: HTMLElement) => setOpenRun({ ids, element }), []);

  const save = useCallback(() => {
    if (!draft) return;
    if (draft.draft.tags.length === 0) {
      setSaveError(`Pick at least one tag: ${activeTags.slice(0, 3).map((t, i) => `${i + 1} ${t.name}`).join(', ')}.`);
      return;
    }
    setSaveError(null);
    store.create({ target: draft.target, tags: draft.draft.tags, note: draft.draft.note, noteText: draft.draft.noteText, groupId: draft.draft.groupId });
    window.localStorage.setItem(visibilityKey, draft.draft.groupId ?? '');
    selection.close();
    setAnnouncement('Highlight saved.');
  }, [activeTags, draft, selection, store, visibilityKey]);

  const keyboard = useKeyboardSelection({ articleRef, blocks, index, onSelect: (target, focusToolbar) => selection.open(target, focusToolbar), onCancel: selection.close });

  const onArticleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (draft && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const tag = activeTags[Number(event.key) - 1];
      if (tag) {
        event.preventDefault();
        const has = draft.draft.tags.includes(tag.slug);
        selection.setDraft({ ...draft.draft, tags: has ? draft.draft.tags.filter((t) => t !== tag.slug) : [...draft.draft.tags, tag.slug] });
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

  return (
    <div className="reader-layout">
      <TagStyles tags={tags} />
      <ReaderControls tags={tags} filters={filters} onFiltersChange={setFilters} shown={visible.length} total={store.annotations.length} documentSlug={doc.slug} />
      {readOnly && (
        <p className="notice" role="note">
          You are reading version {doc.version}, an earlier version of this article. It is read-only. <a href={`/documents/${doc.slug}`}>Read the current version</a>.
        </p>
      )}
      <p id="keyboard-selection-help" className="visually-hidden">
        To select with the keyboard: press Enter on a paragraph to select its first word, arrow keys to move, Shift with arrow keys to extend, then Enter to annotate.
      </p>
      <article ref={articleRef} className="article" aria-label={doc.title} onKeyDown={readOnly ? undefined : onArticleKeyDown}>
        {blocks.map((block) => (
          <HighlightedBlock
            key={block.anchor}
            block={block}
            label={labels.get(block.anchor)!}
            highlights={byBlock.get(block.anchor) ?? []}
            renderKey={renderKeys.get(block.anchor) ?? ''}
            styleFor={styleFor}
            onOpenRun={onOpenRun}
          />
        ))}
      </article>
      {draft && (
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
          annotations={openRun.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))}
          tags={tags}
          labels={labels}
          actions={{
            onSaveEdit: store.saveEdit,
            onDelete: async (id) => {
              await store.remove(id);
              setAnnouncement('Annotation deleted.');
            },
            onRetry: store.retry,
            onDiscard: store.discard,
          }}
          onClose={() => setOpenRun(null)}
        />
      )}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
