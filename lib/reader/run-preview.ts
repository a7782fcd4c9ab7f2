// What the passage's popover shows for an opened highlight run before the annotations' full
// views (notes, replies, dates, permissions) have arrived: who, where, which tags and the
// quote, all already in the compact highlights payload and the article's text. The popover
// opens with these at once and fills in the notes after (docs/adr/0017-reader-first-load.md).
import { quoteBetween } from '@/lib/anchoring/document-text';
import type { DocumentIndex } from '@/lib/anchoring/types';
import type { HighlightRecord } from './highlight-runs';

export interface RunPreview {
  id: string;
  authorName: string;
  /** the group's name, or null when private */
  groupName: string | null;
  tags: string[];
  /** the block the annotation starts in, for its ¶ label */
  startBlock: string;
  quote: string;
}

/** The previews of `ids`, in that order; ids without a record (or off the text) are left out. */
export function previewRun(
  ids: readonly string[],
  records: ReadonlyMap<string, HighlightRecord>,
  index: DocumentIndex,
): RunPreview[] {
  const previews: RunPreview[] = [];
  for (const id of ids) {
    const r = records.get(id);
    if (!r) continue;
    let quote: string;
    try {
      quote = quoteBetween(index, r.start, r.end);
    } catch {
      continue;
    }
    previews.push({
      id,
      authorName: r.author.name,
      groupName: r.group ? (r.group.name ?? '') : null,
      tags: r.tags,
      startBlock: r.start.block,
      quote,
    });
  }
  return previews;
}
