import type { TagView } from '@/lib/annotations/types';

/** Per-paragraph counts by tag under the current filters: bars sized by count, each
 * labelled with the tag's initial and number (colour is not the only signal). */
export function AttentionBars({
  counts,
  tags,
  max,
}: {
  counts: Map<string, number>;
  tags: TagView[];
  max: number;
}) {
  const rows = tags.filter((t) => (counts.get(t.slug) ?? 0) > 0);
  if (rows.length === 0) return null;
  const description = rows.map((t) => `${t.name} ${counts.get(t.slug)}`).join(', ');
  return (
    <div className="attention" role="img" aria-label={`Attention: ${description}`} title={description}>
      {rows.map((t) => {
        const n = counts.get(t.slug)!;
        return (
          <span
            key={t.slug}
            className="attention-row tag-swatch-bar"
            data-tag={t.slug}
            style={{ display: 'flex', alignItems: 'center', gap: 3 }}
          >
            <span
              className="attention-bar tag-swatch"
              data-tag={t.slug}
              style={{ width: `${Math.max(8, Math.round((n / max) * 48))}px`, padding: 0 }}
            />
            {/* Generated content (review.css): the bars sit inside the <article>, whose text is
                the blocks' text alone; the group's aria-label says the same for screen readers. */}
            <span className="attention-total" data-label={`${t.name[0]}${n}`} />
          </span>
        );
      })}
    </div>
  );
}
