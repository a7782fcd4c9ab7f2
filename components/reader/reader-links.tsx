'use client';
import { LinkDialogHost } from '@/components/links/link-dialog';
import type { LocalAnnotation } from './use-annotations';

/** The toolbar's links: the argument and disagreement views, per-group summaries for
 * facilitators, and revising the article. It also holds the "Link to…" dialog. */
export function ReaderLinks({
  slug,
  facilitatedGroups,
  canRevise,
}: {
  slug: string;
  facilitatedGroups?: { id: string; name: string }[];
  canRevise?: boolean;
}) {
  return (
    <>
      <a className="button button-small" href={`/documents/${slug}/argument`}>
        Argument
      </a>
      <a className="button button-small" href={`/documents/${slug}/disagreement`}>
        Disagreements
      </a>
      <LinkDialogHost />
      {facilitatedGroups?.map((g) => (
        <a key={g.id} className="button button-small" href={`/documents/${slug}/summary?group=${g.id}`}>
          Summary: {g.name}
        </a>
      ))}
      {canRevise && (
        <a className="button button-small" href={`/documents/${slug}/revise`}>
          Revise
        </a>
      )}
    </>
  );
}

/** Scrolls to an annotation's highlight (or its paragraph), flashes it and focuses it. */
export function flashInText(article: HTMLElement | null, a: LocalAnnotation) {
  const mark = article?.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(a.id)}"]`);
  const block = document.getElementById(a.target.start.block);
  (mark ?? block)?.scrollIntoView({ block: 'center' });
  if (!mark) return;
  mark.classList.remove('hl-flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('hl-flash');
  mark.focus({ preventScroll: true });
}
