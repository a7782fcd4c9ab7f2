'use client';
import type { AnnotationView } from '@/lib/annotations/types';
import { useLinkCount } from './use-link-counts';

// An annotation card's "Link to…" button, with how many links the annotation has (kept live
// by ./use-link-counts.ts).

export type LinkFrom = Pick<AnnotationView, 'id' | 'documentId' | 'group' | 'target'>;
export interface OpenRequest {
  from: LinkFrom;
  groups: { id: string; name: string }[];
  opener: HTMLElement | null;
}

/** The button asks the page's one dialog (<LinkDialogHost>, ./link-dialog.tsx) to open. */
export const LINK_TO_EVENT = 'marginalia:link-to';

export function LinkButton({
  annotation,
  groups,
}: {
  annotation: LinkFrom;
  groups: { id: string; name: string }[];
}) {
  const count = useLinkCount(annotation.documentId, annotation.id);
  return (
    <>
      {count > 0 && <span className="link-count">{count === 1 ? '1 link' : `${count} links`}</span>}
      <LinkToButton annotation={annotation} groups={groups} />
    </>
  );
}

function LinkToButton({
  annotation,
  groups,
}: {
  annotation: LinkFrom;
  groups: { id: string; name: string }[];
}) {
  return (
    <button
      type="button"
      className="button button-small"
      aria-haspopup="dialog"
      onClick={(event) =>
        window.dispatchEvent(
          new CustomEvent<OpenRequest>(LINK_TO_EVENT, {
            detail: { from: annotation, groups, opener: event.currentTarget },
          }),
        )
      }
    >
      Link to…
    </button>
  );
}
