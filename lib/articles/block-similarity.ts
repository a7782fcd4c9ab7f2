// A cheap similarity between two blocks' texts: the Dice coefficient over words, or over
// character bigrams for short texts and for scripts written without spaces (where one
// "word" can be a whole sentence). Texts are tokenised once, to sorted integer arrays, so a
// comparison is a single merge.

export interface TextSignature {
  tokens: number;
  words: Int32Array;
  bigrams: Int32Array | null; // built on first use
  normalized: string;
}

const FEW_WORDS = 5;
const LONG_WORD = 12;

export class SignatureBuilder {
  private readonly ids = new Map<string, number>();

  build(text: string): TextSignature {
    const normalized = text.normalize('NFKC').toLowerCase();
    const found = normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
    const words = new Int32Array(found.length);
    for (let i = 0; i < found.length; i++) {
      let id = this.ids.get(found[i]);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(found[i], id);
      }
      words[i] = id;
    }
    words.sort();
    return { tokens: found.length, words, bigrams: null, normalized: found.join(' ') };
  }
}

function bigramsOf(signature: TextSignature): Int32Array {
  if (signature.bigrams) return signature.bigrams;
  const text = signature.normalized;
  const grams = new Int32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) {
    grams[i] = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
  }
  grams.sort();
  signature.bigrams = grams;
  return grams;
}

/** Dice coefficient of two sorted multisets. */
function dice(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Whether two multisets of these sizes could reach `threshold` at all. */
function sizesAllow(a: number, b: number, threshold: number): boolean {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  return large === 0 || small / large >= threshold / (2 - threshold);
}

function prefersBigrams(s: TextSignature): boolean {
  return s.tokens < FEW_WORDS || s.normalized.length > (LONG_WORD + 1) * s.tokens;
}

/** Similarity in [0, 1], or 0 as soon as it is clear it stays below `threshold`. */
export function compareSignatures(a: TextSignature, b: TextSignature, threshold: number): number {
  if (a.normalized === b.normalized) return a.normalized === '' ? 0 : 1;
  if (prefersBigrams(a) || prefersBigrams(b)) {
    if (!sizesAllow(a.normalized.length, b.normalized.length, threshold)) return 0;
    return dice(bigramsOf(a), bigramsOf(b));
  }
  if (!sizesAllow(a.tokens, b.tokens, threshold)) return 0;
  return dice(a.words, b.words);
}
