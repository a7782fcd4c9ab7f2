/**
 * A tag as Marginalia stores it: trimmed, lower-case, words joined by "-", letters and
 * digits of any script kept (e.g. " Key Claim " → "key-claim", "证据" stays "证据").
 */
export function normaliseTag(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-')
    .replace(/[^\p{L}\p{M}\p{N}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Normalised, without empty or repeated tags, in first-seen order. */
export function normaliseTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of raw) {
    const slug = normaliseTag(tag);
    if (slug) seen.add(slug);
  }
  return [...seen];
}
