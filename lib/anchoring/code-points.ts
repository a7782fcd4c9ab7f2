import { isHighSurrogate, isLowSurrogate } from './surrogates';

/**
 * W3C TextPositionSelector offsets count code points, the document index counts UTF-16
 * units: both directions, cheap because surrogate pairs are rare and found once per text.
 */
export function codePointMapping(text: string) {
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) pairs.push(i++);
  }
  // How many k satisfy key(k) < limit, for a non-decreasing key.
  const countBelow = (limit: number, key: (k: number) => number) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(mid) < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    toCodePoints: (utf16: number) =>
      pairs.length === 0 ? utf16 : utf16 - countBelow(utf16 - 1, (k) => pairs[k]),
    fromCodePoints: (cp: number) => (pairs.length === 0 ? cp : cp + countBelow(cp, (k) => pairs[k] - k)),
  };
}
