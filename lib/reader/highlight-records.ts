// The article's highlights as records, from the compact payload (before the full list has
// loaded) or from full views, and the ids the reader's filters show. Pure and unit-tested.
import type { AnnotationView, Highlights } from '@/lib/annotations/types';
import { matchesFilters, type ReaderFilters } from './filter-annotations';
import type { HighlightRecord } from './highlight-runs';

/** The payload's columns as records; `anchors` are the version's blocks in order. */
export function recordsFromPayload(payload: Highlights, anchors: readonly string[]): HighlightRecord[] {
  const records: HighlightRecord[] = [];
  for (let i = 0; i < payload.ids.length; i++) {
    const startBlock = anchors[payload.startBlock[i]];
    const endBlock = anchors[payload.endBlock[i]];
    if (startBlock === undefined || endBlock === undefined) continue;
    const g = payload.group[i];
    records.push({
      id: payload.ids[i],
      start: { block: startBlock, offset: payload.startOffset[i] },
      end: { block: endBlock, offset: payload.endOffset[i] },
      tags: payload.tagIndexes[i].map((t) => payload.tags[t]),
      author: payload.authors[payload.author[i]],
      group: g >= 0 ? payload.groups[g] : null,
      target: { exact: '' },
      noteText: '',
    });
  }
  return records;
}

type ViewLike = Pick<AnnotationView, 'id' | 'target' | 'tags' | 'author' | 'group' | 'noteText'> & {
  local?: { state: 'saving' | 'failed' };
};

/** A full view (or an unsaved one of the reader's) as a record. */
export function recordFromView(a: ViewLike): HighlightRecord {
  return {
    id: a.id,
    start: a.target.start,
    end: a.target.end,
    tags: a.tags,
    author: a.author,
    group: a.group,
    local: a.local?.state,
    target: a.target,
    noteText: a.noteText,
  };
}

/** The ids the filters show. A full-text search runs on the server (`searchMatches`, null
 * while there is none); unsaved highlights are matched here. */
export function shownIds(
  records: readonly HighlightRecord[],
  filters: ReaderFilters,
  readerId: string,
  searchMatches: ReadonlySet<string> | null,
): Set<string> {
  const rest = { ...filters, q: '' };
  const shown = new Set<string>();
  for (const r of records) {
    const ok =
      searchMatches && !r.local
        ? searchMatches.has(r.id) && matchesFilters(r, rest, readerId)
        : matchesFilters(r, filters, readerId);
    if (ok) shown.add(r.id);
  }
  return shown;
}
