import type { TagView } from '@/lib/annotations/types';

/** Per-paragraph counts by tag under the current filters: bars sized by count, each
 * labelled with the tag's name and number (colour is not the only signal). The labels are
 * CSS generated content from `data-label` (they add no text to the article), and the whole
 * is described once for assistive technology and as a tooltip. */
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
  const description = rows
    .map((t) => {
      const n = counts.get(t.slug)!;
      return `${t.name}: ${n} annotation${n === 1 ? '' : 's'}`;
    })
    .join(', ');
  return (
    <div className="attention" role="img" aria-label={`Attention: ${description}`} title={description}>
      {rows.map((t) => {
        const n = counts.get(t.slug)!;
        return (
          <span key={t.slug} className="attention-row tag-swatch-bar" data-tag={t.slug}>
            <span
              className="attention-bar tag-swatch"
              data-tag={t.slug}
              style={{ width: `${Math.max(8, Math.round((n / max) * 40))}px`, padding: 0 }}
            />
            <span className="attention-total" data-label={`${t.name} ${n}`} aria-hidden="true" />
          </span>
        );
      })}
    </div>
  );
}
