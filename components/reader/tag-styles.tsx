import type { TagView } from '@/lib/annotations/types';
import { bandBaseCss, tagPatternCss } from '@/lib/reader/tag-patterns';

/** Each tag's colour and underline pattern, for highlights (combined tags keep their own
 * patterns: see lib/reader/tag-patterns.ts), swatches and the legend. */
export function TagStyles({ tags }: { tags: TagView[] }) {
  return <style>{`${bandBaseCss()}\n${tagPatternCss(tags)}`}</style>;
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
