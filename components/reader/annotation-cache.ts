// Query keys for the reader's server state, and the pure changes applied to the cached
// annotation list (live updates, saves, optimistic edits).
import type { AnnotationView } from '@/lib/annotations/types';
import type { AnnotationPatch } from '@/lib/client/endpoints';
import type { NoteDoc } from '@/lib/notes';
import { noteToPlainText } from '@/lib/notes/note-plain-text';

export const annotationKeys = {
  /** everything about one document's annotations: invalidated on a resync */
  all: (documentId: string) => ['annotations', documentId] as const,
  list: (documentId: string) => ['annotations', documentId, 'list'] as const,
  /** the compact highlights the article is drawn from before the list has loaded */
  highlights: (documentId: string) => ['annotations', documentId, 'highlights'] as const,
  /** the full views of one highlight run opened before the list has loaded */
  run: (documentId: string, ids: string[]) => ['annotations', documentId, 'run', ...ids] as const,
  search: (documentId: string, q: string) => ['annotations', documentId, 'search', q] as const,
  preview: (documentId: string, query: string) => ['annotations', documentId, 'preview', query] as const,
  create: (documentId: string) => ['annotations', documentId, 'create'] as const,
};

export const replyKeys = {
  all: ['replies'] as const,
  thread: (annotationId: string) => ['replies', annotationId] as const,
};

/** Replace by id, or append; then drop the removed ids. */
export function applyChanges(
  list: AnnotationView[],
  changes: { upsert?: AnnotationView[]; removeIds?: string[] },
): AnnotationView[] {
  const removed = new Set(changes.removeIds ?? []);
  let next = removed.size > 0 ? list.filter((a) => !removed.has(a.id)) : list;
  for (const item of changes.upsert ?? []) {
    const i = next.findIndex((a) => a.id === item.id);
    next = i >= 0 ? next.map((a, j) => (j === i ? item : a)) : [...next, item];
  }
  return next;
}

/** How an edit looks before the server confirms it. */
export function patchedView(
  a: AnnotationView,
  patch: AnnotationPatch,
  groups: { id: string; name: string }[],
): AnnotationView {
  const next = { ...a };
  if (patch.tags) next.tags = patch.tags;
  if (patch.note !== undefined) {
    next.note = (patch.note ?? null) as NoteDoc | null;
    next.noteText = next.note ? noteToPlainText(next.note) : '';
  }
  if (patch.groupId !== undefined) {
    next.group = groups.find((g) => g.id === patch.groupId) ?? null;
    next.visibility = next.group ? 'group' : 'private';
  }
  if (patch.target) next.target = { ...a.target, ...patch.target };
  return next;
}
