'use client';
import type { TagView } from '@/lib/annotations/types';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';
import { TagSwatch } from '@/components/reader/tag-styles';

export function ReviewFilters({
  filters,
  onChange,
  tags,
  readers,
  groups,
}: {
  filters: ReaderFilters;
  onChange: (filters: ReaderFilters) => void;
  tags: TagView[];
  readers: { id: string; name: string; count: number }[];
  groups: { id: string; name: string }[];
}) {
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return (
    <div className="review-filters">
      <label className="review-search">
        <span className="visually-hidden">Search quotes and notes</span>
        <input
          type="search"
          placeholder="Search quotes and notes"
          value={filters.q}
          onChange={(e) => onChange({ ...filters, q: e.target.value })}
        />
      </label>
      <fieldset className="review-tags">
        <legend className="visually-hidden">Filter by tag</legend>
        {tags
          .filter((t) => !t.retired)
          .map((tag) => (
            <button
              key={tag.id}
              type="button"
              className="tag-toggle"
              aria-pressed={filters.tags.includes(tag.slug)}
              onClick={() =>
                onChange({
                  ...filters,
                  tags: toggle(
                    filters.tags.filter((t) => t !== '-none-'),
                    tag.slug,
                  ),
                })
              }
            >
              <TagSwatch tag={tag} />
            </button>
          ))}
      </fieldset>
      <div className="review-row">
        <label>
          <span>Whose</span>
          <select
            value={filters.mine}
            onChange={(e) => onChange({ ...filters, mine: e.target.value as ReaderFilters['mine'] })}
          >
            <option value="all">Everyone</option>
            <option value="mine">Mine</option>
            <option value="others">Others’</option>
          </select>
        </label>
        <label>
          <span>Shared with</span>
          <select value={filters.group} onChange={(e) => onChange({ ...filters, group: e.target.value })}>
            <option value="all">Any</option>
            <option value="private">Private</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {readers.length > 1 && (
        <details className="review-readers">
          <summary>Readers{filters.readers.length > 0 ? ` (${filters.readers.length} chosen)` : ''}</summary>
          <fieldset>
            <legend className="visually-hidden">Filter by reader</legend>
            {readers.map((r) => (
              <label key={r.id} className="legend-item">
                <input
                  type="checkbox"
                  checked={filters.readers.includes(r.id)}
                  onChange={() => onChange({ ...filters, readers: toggle(filters.readers, r.id) })}
                />
                {r.name} <span className="muted">({r.count})</span>
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </div>
  );
}
