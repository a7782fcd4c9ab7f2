'use client';
import type { TagView } from '@/lib/annotations/types';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { TagSwatch } from './tag-styles';

/** Legend and quick filters above the article: each tag's colour and underline, shown
 * with its name (colour is never the only signal), doubling as a tag filter. */
export function ReaderControls({
  tags,
  filters,
  onFiltersChange,
  shown,
  total,
  documentSlug,
  children,
}: {
  tags: TagView[];
  filters: ReaderFilters;
  onFiltersChange: (filters: ReaderFilters) => void;
  shown: number;
  total: number;
  documentSlug: string;
  children?: React.ReactNode;
}) {
  const slugs = tags.filter((t) => !t.retired).map((t) => t.slug);
  // No tag filter means every tag is shown; unticking one shows all the others.
  const toggleTag = (slug: string) => {
    const shownNow = filters.tags.length === 0 ? slugs : filters.tags;
    const next = shownNow.includes(slug) ? shownNow.filter((t) => t !== slug) : [...shownNow, slug];
    onFiltersChange({
      ...filters,
      tags: next.length === slugs.length ? [] : next.length === 0 ? ['-none-'] : next,
    });
  };
  return (
    <div className="reader-controls" role="region" aria-label="Highlights">
      <fieldset className="legend">
        <legend>Tags</legend>
        {tags
          .filter((t) => !t.retired)
          .map((tag) => (
            <label key={tag.id} className="legend-item">
              <input
                type="checkbox"
                checked={filters.tags.length === 0 || filters.tags.includes(tag.slug)}
                onChange={() => toggleTag(tag.slug)}
              />
              <TagSwatch tag={tag} />
            </label>
          ))}
      </fieldset>
      <label className="legend-item">
        <input
          type="checkbox"
          checked={filters.mine === 'mine'}
          onChange={(e) => onFiltersChange({ ...filters, mine: e.target.checked ? 'mine' : 'all' })}
        />
        Only mine
      </label>
      <span className="muted" aria-live="polite">
        {shown === total
          ? `${total} highlight${total === 1 ? '' : 's'}`
          : `${shown} of ${total} highlights shown`}
      </span>
      <span className="controls-extra" data-document={documentSlug}>
        {children}
      </span>
    </div>
  );
}
