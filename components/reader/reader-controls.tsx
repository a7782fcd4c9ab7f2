'use client';
import type { TagView } from '@/lib/annotations/types';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { TagSwatch } from './tag-styles';

/** Above the article: each tag's colour and underline pattern with its name (colour is
 * never the only signal), the "Only mine" switch and how many highlights show. */
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
  return (
    <div className="reader-controls" role="region" aria-label="Highlights">
      {/* The legend only: the one tag filter is in the review panel. */}
      <ul className="legend" aria-label="Tags">
        {tags
          .filter((t) => !t.retired)
          .map((tag) => (
            <li key={tag.id} className="legend-item">
              <TagSwatch tag={tag} />
            </li>
          ))}
      </ul>
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
