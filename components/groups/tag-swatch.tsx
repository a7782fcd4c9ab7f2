import { tagHighlightStyle, type UnderlineStyle } from '@/lib/groups/tag-style';

/** How a passage tagged this way looks in the reader: tint plus underline style. */
export function TagSwatch({
  name,
  color,
  underline,
  sample = 'a tagged passage',
}: {
  name: string;
  color: string;
  underline: UnderlineStyle;
  sample?: string;
}) {
  return (
    <span className="groups-swatch">
      <mark className="groups-swatch-mark" style={tagHighlightStyle(color, underline)}>
        {sample}
      </mark>
      <span className="visually-hidden">
        {' '}
        ({name}: {underline} underline in {color})
      </span>
    </span>
  );
}
