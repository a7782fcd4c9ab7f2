// Each tag keeps its own underline pattern when a passage carries several tags. The run's
// first tag draws the text's own underline (solid, dotted, dashed, wavy or double); every
// other tag of the run adds a band under it, drawn as a background layer in that tag's
// pattern and at that tag's height (its slot). So three tags show three patterns, and the
// shape, not the colour, tells them apart (WCAG 1.4.1).
//
// A run says all this with classes (lib/reader/highlight-runs.ts): `u-<slug>` for the tag that
// underlines it, `b-<slug>` for each band. No rule reads a run's data attributes, so a filter
// that changes a run's count or ids but not its tags restyles nothing
// (docs/adr/0025-highlight-looks-as-classes.md).
//
// Tag colours come from the database (checked as #rrggbb) and slugs match [a-z0-9-]: nothing
// a reader types reaches the stylesheet.

export type UnderlinePattern = 'solid' | 'dotted' | 'dashed' | 'wavy' | 'double';

export interface PatternTag {
  slug: string;
  color: string;
  underline: UnderlinePattern;
}

/** Bands a run can show under its text (tags beyond that share the last slot). */
export const BAND_SLOTS = 6;
/** Height of one band and the distance between two slots, in px. */
export const BAND_HEIGHT = 3;
export const BAND_PITCH = 4;

/** One background layer, BAND_HEIGHT px tall, in the pattern's shape. */
export function bandImage(underline: UnderlinePattern, color: string): string {
  switch (underline) {
    case 'solid':
      return `linear-gradient(${color}, ${color})`;
    case 'dotted':
      return `repeating-linear-gradient(90deg, ${color} 0 2px, transparent 2px 5px)`;
    case 'dashed':
      return `repeating-linear-gradient(90deg, ${color} 0 8px, transparent 8px 12px)`;
    case 'wavy':
      // a zig-zag hatch: slanted strokes read as a wave at three pixels tall
      return `repeating-linear-gradient(120deg, ${color} 0 1.5px, transparent 1.5px 4px)`;
    case 'double':
      return `linear-gradient(${color} 0 1px, transparent 1px 2px, ${color} 2px 3px)`;
  }
}

const SAFE_SLUG = /^[a-z0-9][a-z0-9-]*$/;
const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The stylesheet for these tags, in their display order. */
export function tagPatternCss(tags: readonly PatternTag[]): string {
  const safe = tags.filter((t) => SAFE_SLUG.test(t.slug) && SAFE_COLOR.test(t.color));
  return safe
    .map((t, i) => {
      const slot = Math.min(i, BAND_SLOTS - 1);
      const s = t.slug;
      return [
        `.hl.u-${s}{--hl:${t.color};--hl-bg:${t.color}22;text-decoration-style:${t.underline}}`,
        `.hl.b-${s}{--band-${slot}:${bandImage(t.underline, t.color)}}`,
        `.tag-swatch[data-tag="${s}"]{--hl:${t.color};--hl-bg:${t.color}22;text-decoration-style:${t.underline}}`,
      ].join('\n');
    })
    .join('\n');
}

/** The rule every run shares: the band layers at their slots (see reader.css for the rest).
 * An absent band falls back to `none` in `var()` itself: resetting the variables here would
 * outrank the per-tag rules. */
export function bandBaseCss(): string {
  const slots = Array.from({ length: BAND_SLOTS }, (_, i) => i);
  return (
    `.article mark.hl{` +
    `background-image:${slots.map((i) => `var(--band-${i}, none)`).join(',')};` +
    `background-repeat:no-repeat;background-size:100% ${BAND_HEIGHT}px;` +
    `background-position:${slots.map((i) => `0 calc(100% - ${i * BAND_PITCH}px)`).join(',')}}`
  );
}
