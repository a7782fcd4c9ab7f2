import type { TagView } from '@/lib/annotations/types';

// Tag colours come from the database (checked as #rrggbb) and underline styles from an
// enum; slugs match [a-z0-9-]. Nothing typed by a reader reaches this stylesheet.
const BORDER_STYLE: Record<TagView['underline'], string> = {
  solid: 'solid',
  dotted: 'dotted',
  dashed: 'dashed',
  wavy: 'dashed',
  double: 'double',
};

export function TagStyles({ tags }: { tags: TagView[] }) {
  const css = tags
    .filter((t) => /^#[0-9a-fA-F]{6}$/.test(t.color) && /^[a-z0-9-]+$/.test(t.slug))
    .map(
      (t) =>
        `.hl[data-tag1="${t.slug}"]{--hl:${t.color};--hl-bg:${t.color}22;text-decoration-style:${t.underline}}` +
        `.hl[data-tag2="${t.slug}"]{border-bottom:2px ${BORDER_STYLE[t.underline]} ${t.color}}` +
        `.tag-swatch[data-tag="${t.slug}"]{--hl:${t.color};--hl-bg:${t.color}22;text-decoration-style:${t.underline}}`,
    )
    .join('\n');
  return <style>{css}</style>;
}

export function TagSwatch({
  tag,
  children,
}: {
  tag: Pick<TagView, 'slug' | 'name'>;
  children?: React.ReactNode;
}) {
  return (
    <span className="tag-swatch" data-tag={tag.slug}>
      {children ?? tag.name}
    </span>
  );
}
