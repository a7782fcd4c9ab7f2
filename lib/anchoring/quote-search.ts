import { foldCodeUnit, normalizedPosition, originalSpan, type NormalizedText } from './normalize-text';

/** A place in the document text where a quote was found: [start, end) and edit count. */
export interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Every occurrence of `quote` lying wholly inside text[from, to). */
export function findExact(text: string, quote: string, from: number, to: number): Match[] {
  const matches: Match[] = [];
  if (quote.length === 0 || to - from < quote.length) return matches;
  // Search a slice so a miss does not scan the rest of the document.
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let pos = region.indexOf(quote); pos >= 0; pos = region.indexOf(quote, pos + 1)) {
    matches.push({ start: from + pos, end: from + pos + quote.length, errors: 0 });
  }
  return matches;
}

const GRAM = 8;
const gramIndexes = new WeakMap<object, Map<string, number[]>>();

/**
 * Every occurrence of `quote` in a whole text. Re-anchoring searches the whole new version
 * once per unplaced target; an index of the text's 8-grams, built once per text, turns
 * each search into a lookup plus a few comparisons.
 */
export function findEverywhere(source: { readonly text: string }, quote: string): Match[] {
  const { text } = source;
  if (quote.length < GRAM) return findExact(text, quote, 0, text.length);
  let grams = gramIndexes.get(source);
  if (!grams) {
    grams = new Map();
    for (let i = 0; i + GRAM <= text.length; i++) {
      const gram = text.slice(i, i + GRAM);
      const list = grams.get(gram);
      if (list) list.push(i);
      else grams.set(gram, [i]);
    }
    gramIndexes.set(source, grams);
  }
  const matches: Match[] = [];
  for (const pos of grams.get(quote.slice(0, GRAM)) ?? []) {
    if (text.startsWith(quote, pos)) matches.push({ start: pos, end: pos + quote.length, errors: 0 });
  }
  return matches;
}

/** Occurrences of a normalised quote in the normalised text, within original range [from, to) or everywhere. */
export function findNormalized(norm: NormalizedText, quote: string, from: number, to: number): Match[] {
  const matches: Match[] = [];
  if (quote.length === 0) return matches;
  const nFrom = normalizedPosition(norm, from);
  const nTo = normalizedPosition(norm, to);
  const everywhere = nFrom === 0 && nTo === norm.text.length;
  for (const { start } of everywhere
    ? findEverywhere(norm, quote)
    : findExact(norm.text, quote, nFrom, nTo)) {
    matches.push({ ...originalSpan(norm, start, start + quote.length), errors: 0 });
  }
  return matches;
}

/** Code units of stored prefix that still precede `start`, compared from the quote outwards. */
export function prefixAgreement(text: string, start: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && start - n > 0) {
    if (
      foldCodeUnit(text.charCodeAt(start - n - 1)) !== foldCodeUnit(prefix.charCodeAt(prefix.length - n - 1))
    )
      break;
    n++;
  }
  return n;
}

/** Code units of stored suffix that still follow `end`. */
export function suffixAgreement(text: string, end: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && end + n < text.length) {
    if (foldCodeUnit(text.charCodeAt(end + n)) !== foldCodeUnit(suffix.charCodeAt(n))) break;
    n++;
  }
  return n;
}

/**
 * How much of the stored context still surrounds a match; quote styles and spaces are
 * folded so a typographic change is no penalty.
 */
export function contextScore(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  return prefixAgreement(text, start, prefix) + suffixAgreement(text, end, suffix);
}

/** Context (code units) on one side that counts as "the surroundings still agree". */
const AGREEING_CONTEXT = 8;
/** Quotes shorter than this are only moved where their surroundings agree (see surroundingsAgree). */
export const SELF_EVIDENT_LENGTH = 16;

/**
 * Whether the text around [start, end) still looks like the stored context on at least
 * one side: 8 code units agree (fewer if less was stored), or the quote still sits at the
 * same block edge or document edge. Short quotes ("US", "Fiji") occur all over an
 * article, so without this they would jump to an unrelated occurrence.
 */
export function surroundingsAgree(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): boolean {
  const prefixAgrees =
    prefix.length === 0
      ? start === 0
      : sideAgrees(prefixAgreement(text, start, prefix), prefix.length, prefix.endsWith('\n\n'));
  if (prefixAgrees) return true;
  return suffix.length === 0
    ? end === text.length
    : sideAgrees(suffixAgreement(text, end, suffix), suffix.length, suffix.startsWith('\n\n'));
}

function sideAgrees(agreement: number, stored: number, atBlockEdge: boolean): boolean {
  return agreement >= Math.min(stored, AGREEING_CONTEXT) || (atBlockEdge && agreement >= 2);
}

/** Short quotes found anywhere but their unchanged position must have agreeing surroundings. */
export function isPlausibleMatch(
  text: string,
  match: Match,
  quoteLength: number,
  prefix: string,
  suffix: string,
): boolean {
  return (
    quoteLength >= SELF_EVIDENT_LENGTH || surroundingsAgree(text, match.start, match.end, prefix, suffix)
  );
}

export interface RankInput {
  text: string;
  prefix: string;
  suffix: string;
  /** Where the quote is expected to start in the new text, if known. */
  expected: number | null;
  /** Length of the quote sought; an approximate match of about that length reads best. */
  length?: number;
}

type Criterion = 'errors' | 'context' | 'length' | 'distance';

/**
 * The best match, comparing by the given criteria in order: fewer errors, more agreeing
 * context, length nearer the quote's ("Unoin" should become "Union", not "Uni"), nearer
 * the expected position.
 */
export function pickBest(matches: Match[], input: RankInput, order: Criterion[]): Match | null {
  let best: Match | null = null;
  let bestKey: number[] = [];
  for (const match of matches) {
    const key = order.map((criterion) => {
      if (criterion === 'errors') return match.errors;
      if (criterion === 'context')
        return -contextScore(input.text, match.start, match.end, input.prefix, input.suffix);
      if (criterion === 'length')
        return input.length === undefined ? 0 : Math.abs(match.end - match.start - input.length);
      return input.expected === null ? 0 : Math.abs(match.start - input.expected);
    });
    if (best === null || lexicographicallyLess(key, bestKey)) {
      best = match;
      bestKey = key;
    }
  }
  return best;
}

function lexicographicallyLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
