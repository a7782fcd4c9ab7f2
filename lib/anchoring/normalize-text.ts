import type { DocumentIndex } from './types';

/**
 * A copy of a text for matching, in which typographic variants compare equal:
 * curly and straight quotes, dashes, NBSP and other spaces, and runs of whitespace
 * (including the "\n\n" between blocks) all fold to one form. Invisible characters
 * (zero-width space, soft hyphen, BOM) are dropped. `starts[i]`/`ends[i]` give the
 * original code-unit span that produced normalised character i.
 */
export interface NormalizedText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

// Kept in step with foldCodeUnit; the regexes are the fast path for short quotes.
const DROPPED_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SINGLE_QUOTES_RE = /[\u2018-\u201b\u2032]/g;
const DOUBLE_QUOTES_RE = /[\u201c-\u201f\u2033]/g;
const DASHES_RE = /[\u2010-\u2015\u2212]/g;
const WHITESPACE_RUN_RE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

const DROPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);
const SPACE = 0x20;

function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Folds one code unit to its matching form; -1 = dropped. Whitespace folds to a space. */
export function foldCodeUnit(code: number): number {
  if (code < 0x80) return isWhitespace(code) ? SPACE : code;
  if (isWhitespace(code)) return SPACE;
  if (SINGLE_QUOTES.has(code)) return 0x27;
  if (DOUBLE_QUOTES.has(code)) return 0x22;
  if (DASHES.has(code)) return 0x2d;
  if (DROPPED.has(code)) return -1;
  return code;
}

export function normalizeForMatching(text: string): NormalizedText {
  const codes = new Uint16Array(text.length);
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = foldCodeUnit(text.charCodeAt(i));
    if (folded === -1) continue;
    if (folded === SPACE && n > 0 && codes[n - 1] === SPACE) {
      ends[n - 1] = i + 1; // the run's single space stands for all of it
      continue;
    }
    codes[n] = folded;
    starts[n] = i;
    ends[n] = i + 1;
    n++;
  }
  let out = '';
  const CHUNK = 8192; // String.fromCharCode's argument count is limited
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...codes.subarray(i, Math.min(n, i + CHUNK)));
  return { text: out, starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

/** The normalised text alone (no offset maps): what a quote is turned into before searching. */
export function normalizeQuote(text: string): string {
  return text
    .replace(DROPPED_RE, '')
    .replace(SINGLE_QUOTES_RE, "'")
    .replace(DOUBLE_QUOTES_RE, '"')
    .replace(DASHES_RE, '-')
    .replace(WHITESPACE_RUN_RE, ' ');
}

/** Index of the first normalised character that starts at or after original position `pos`. */
export function normalizedPosition(norm: NormalizedText, pos: number): number {
  let lo = 0;
  let hi = norm.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.starts[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Original span [start, end) for the normalised span [from, to), to > from. */
export function originalSpan(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  return { start: norm.starts[from], end: norm.ends[to - 1] };
}

const documentCache = new WeakMap<DocumentIndex, NormalizedText>();

/** The normalised document text, computed once per index. */
export function normalizedDocument(index: DocumentIndex): NormalizedText {
  let norm = documentCache.get(index);
  if (!norm) {
    norm = normalizeForMatching(index.text);
    documentCache.set(index, norm);
  }
  return norm;
}
