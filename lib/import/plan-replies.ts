import { checkedNote } from './import-note';
import {
  type AnnotationPlan,
  type ImportItem,
  type ImportReplyRow,
  type PriorImport,
} from './plan-annotations';

// Replies of an import, planned without the database. Replies hang under their thread's
// root annotation (Marginalia threads are flat). A reply to an annotation imported earlier
// is recognised by its text (and date when the file gives one): replies have no id column;
// one whose id is this server's own reply, still here, is recognised by it. The importer
// owns the replies it adds; their original author's name is kept as an attribution.

/** Where a reply goes: an annotation of this import (fresh) or of an earlier one. */
export interface ReplyParent {
  id: string;
  fresh: boolean;
}

const MAX_HOPS = 100;

/** The annotation each reply will hang under, or null when there is none to see. */
export function replyParents(input: {
  replyItems: ImportItem[];
  items: ImportItem[];
  newIdBySource: Map<string, string>;
  prior: Map<string, PriorImport>;
  /** this server's own annotations named by the file, still here and visible */
  here: Map<string, string>;
  visible: (prior: PriorImport) => boolean;
}): { item: ImportItem; parent: ReplyParent | null }[] {
  const bySource = new Map(input.items.filter((i) => i.sourceId).map((i) => [i.sourceId!, i]));
  const rootOf = (item: ImportItem): string | null => {
    let parent = item.replyTo ?? null;
    for (let hops = 0; parent && hops < MAX_HOPS; hops++) {
      const up = bySource.get(parent);
      if (!up?.replyTo) return parent;
      parent = up.replyTo;
    }
    return null;
  };
  const parentOf = (root: string): ReplyParent | null => {
    const fresh = input.newIdBySource.get(root);
    if (fresh) return { id: fresh, fresh: true };
    const here = input.here.get(root);
    if (here) return { id: here, fresh: false };
    const before = input.prior.get(root);
    if (before && before.deletedAt === null && input.visible(before)) return { id: before.id, fresh: false };
    return null;
  };
  return input.replyItems.map((item) => {
    const root = rootOf(item);
    return { item, parent: root ? parentOf(root) : null };
  });
}

/** The key an earlier import's reply is recognised by. */
export function replyKey(annotationId: string, text: string, created?: Date): string {
  return `${annotationId}\u0000${text}${created ? `\u0000${created.toISOString()}` : ''}`;
}

/**
 * The reply rows to insert. `known` maps replyKey (with and without date) of the replies
 * already under earlier imports' annotations to their ids. Skips and report lines go into
 * the annotations' plan, so that the report lists every item of the file once.
 */
export function planReplies(input: {
  parents: { item: ImportItem; parent: ReplyParent | null }[];
  known: Map<string, string>;
  /** this server's own replies named by the file, still here and visible: their ids */
  hereReplies: Map<string, string>;
  plan: Pick<AnnotationPlan, 'skipped' | 'reportItems'>;
  readerId: string;
  readerName: string;
  now: Date;
  newId: () => string;
}): ImportReplyRow[] {
  const { plan } = input;
  const known = new Map(input.known);
  const skip = (item: ImportItem, reason: string) =>
    plan.skipped.push({ index: item.index, id: item.sourceId, reason });
  const out: ImportReplyRow[] = [];
  const seen = new Set<string>();
  for (const { item, parent } of input.parents) {
    if (item.sourceId && seen.has(item.sourceId)) {
      skip(item, 'the same id appears earlier in the file');
      continue;
    }
    if (item.sourceId) seen.add(item.sourceId);
    const here = item.sourceId ? input.hereReplies.get(item.sourceId) : undefined;
    if (here) {
      skip(item, 'already here');
      plan.reportItems.push({
        index: item.index,
        sourceId: item.sourceId,
        id: here,
        kind: 'reply',
        status: 'ALREADY_HERE',
        reason: "it is this server's own reply, still in this document",
      });
      continue;
    }
    if (!parent) {
      skip(item, 'it replies to an annotation that is not in this file and was not imported before');
      continue;
    }
    const note = checkedNote(item.noteText, item.noteParts, 'reply');
    if (!note.ok || !note.doc) {
      skip(item, note.ok ? 'the reply has no text' : `reply: ${note.reason}`);
      continue;
    }
    const key = replyKey(parent.id, note.text, item.created);
    const earlier = known.get(key);
    if (earlier && !parent.fresh) {
      skip(item, 'already imported');
      plan.reportItems.push({
        index: item.index,
        sourceId: item.sourceId,
        id: earlier,
        kind: 'reply',
        status: 'ALREADY_IMPORTED',
        reason: 'you imported it before',
      });
      continue;
    }
    const created = item.created ?? input.now;
    const id = input.newId();
    known.set(key, id);
    const attribution = attributionOf(item.creatorName, input.readerName);
    out.push({
      id,
      annotationId: parent.id,
      authorId: input.readerId,
      bodyJson: note.doc,
      bodyText: note.text,
      attribution,
      createdAt: created,
      updatedAt: item.modified && item.modified > created ? item.modified : created,
    });
    plan.reportItems.push({
      index: item.index,
      sourceId: item.sourceId,
      id,
      kind: 'reply',
      status: 'ATTACHED',
      reason: attribution
        ? `added to the annotation it answers; written by ${attribution}, now yours`
        : 'added to the annotation it answers',
    });
  }
  return out;
}

const MAX_ATTRIBUTION = 200;

/** The original author's name, kept beside a reply the importer now owns (none if it is the importer's). */
export function attributionOf(creatorName: string | undefined, readerName: string): string | null {
  const name = creatorName?.replace(/\s+/g, ' ').trim().slice(0, MAX_ATTRIBUTION);
  return name && name !== readerName ? name : null;
}
