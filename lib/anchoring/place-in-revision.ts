import { anchorQuote } from './anchor-quote';
import { reanchorTarget } from './reanchor';
import type { AnchorStatus, DocumentIndex, Target } from './types';

/** Where a revision puts one annotation, and how the revision's summary counts it. */
export type RevisionPlacement =
  /** it moves into the new version at `target` */
  | { outcome: 'anchored' | 'reanchored'; move: { target: Target; status: 'ANCHORED' | 'REANCHORED' } }
  /** it is not in the new version: an annotation placed until now is marked orphaned where
   * it is (so it can still be read there and re-attached); an orphan stays as it was */
  | { outcome: 'orphaned'; orphanInPlace: boolean };

/**
 * Decides where an annotation goes when a document gets a new version. `oldIndex` is the
 * version it is anchored in (null when that does not matter: it is an orphan).
 */
export function placeInRevision(
  annotation: { status: AnchorStatus; target: Target },
  oldIndex: DocumentIndex | null,
  nextIndex: DocumentIndex,
): RevisionPlacement {
  const { status, target } = annotation;
  if (status === 'ORPHANED' || !oldIndex) {
    // Its position means nothing any more; its quote may be back (e.g. a deleted paragraph restored).
    const found = anchorQuote(nextIndex, {
      exact: target.exact,
      prefix: target.prefix,
      suffix: target.suffix,
    });
    if (!found) return { outcome: 'orphaned', orphanInPlace: false };
    return { outcome: 'reanchored', move: { target: found.target, status: 'REANCHORED' } };
  }
  const result = reanchorTarget(oldIndex, target, nextIndex);
  if (!result.target) return { outcome: 'orphaned', orphanInPlace: true };
  // Once moved by a revision an annotation stays marked REANCHORED until its author
  // re-selects it, even if a later revision leaves its text alone.
  const moved = result.status === 'ANCHORED' && status === 'ANCHORED' ? 'ANCHORED' : 'REANCHORED';
  return {
    outcome: result.status === 'ANCHORED' ? 'anchored' : 'reanchored',
    move: { target: result.target, status: moved },
  };
}
