export const MAX_NOTE_HREF_LENGTH = 2048;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// The URL parser silently strips tabs, newlines and leading spaces ("java\tscript:"
// parses as "javascript:"), and treats "\" like "/" in http(s) URLs; refusing these
// characters outright means the string we store is the string that gets followed.
const FORBIDDEN_CHARACTERS = /[\s\p{Cc}\\]/u; // \p{Cc}: U+0000–U+001F and U+007F–U+009F

// An explicit scheme is required: relative or scheme-less hrefs would resolve
// against whatever page renders the note.
const EXPLICIT_SCHEME = /^(?:https?:\/\/[^/]|mailto:.)/i;

/** True when `href` may be stored and rendered as a link in a note. */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  if (href.length === 0 || href.length > MAX_NOTE_HREF_LENGTH) return false;
  if (FORBIDDEN_CHARACTERS.test(href) || !EXPLICIT_SCHEME.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return url.hostname.length > 0;
}

/**
 * Turns what a reader typed into the link box into an allowed href, adding the
 * scheme people usually leave out ("example.org" → https://, "ada@example.org" →
 * mailto:). Null when the result still is not an allowed link.
 */
export function completeHref(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  let href = trimmed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return null;
    const looksLikeEmail = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed);
    href = looksLikeEmail
      ? `mailto:${trimmed}`
      : trimmed.startsWith('//')
        ? `https:${trimmed}`
        : `https://${trimmed}`;
  }
  return isAllowedHref(href) ? href : null;
}
