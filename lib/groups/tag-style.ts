// Group tags: a name, a colour and an underline style, so colour is never the only
// signal (WCAG 1.4.1). The slug is what annotations and filters refer to.
import { TAG_SLUG_MAX } from '@/lib/limits';

export const UNDERLINE_STYLES = ['solid', 'dotted', 'dashed', 'wavy', 'double'] as const;
export type UnderlineStyle = (typeof UNDERLINE_STYLES)[number];

export { TAG_NAME_MAX, TAG_SLUG_MAX } from '@/lib/limits';

/** Small, stable hash so that names with no Latin letters or digits still get a slug. */
function hashName(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(0, 7);
}

/** "Counter-argument (weak)" → "counter-argument-weak"; "论点" → "tag-xxxxxxx". */
export function slugifyTagName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, TAG_SLUG_MAX)
    .replace(/-+$/g, '');
  return slug || `tag-${hashName(name.trim())}`;
}

/** The same name written differently ("Key  Point" vs "key point") is a duplicate. */
export function sameTagName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) === norm(b);
}

/** CSS for a highlight in this tag's style: a light tint of the colour plus an underline
 * in the colour itself, so the text keeps the page's contrast. */
export function tagHighlightStyle(
  color: string,
  underline: UnderlineStyle,
): {
  backgroundColor: string;
  textDecoration: string;
  textDecorationThickness: string;
  textUnderlineOffset: string;
} {
  return {
    backgroundColor: `${color}26`,
    textDecoration: `underline ${underline} ${color}`,
    textDecorationThickness: underline === 'double' ? '3px' : '2px',
    textUnderlineOffset: '3px',
  };
}

/** Relative luminance contrast against white (the page), to warn about colours whose
 * underline would be too faint to see (WCAG 1.4.11 asks 3:1 for graphics). */
export function contrastWithWhite(color: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return 1;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (l + 0.05);
}
