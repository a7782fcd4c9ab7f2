import { ArticleParseError } from './types';

/** Beyond this share of control characters / U+FFFD the input is a binary file read as text. */
const BINARY_RATIO = 0.1;

/** UTF-8 length of a string, stopping early once it exceeds `stopAfter`. */
export function countUtf8Bytes(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3; // BMP, or a lone surrogate (encoded as U+FFFD)
    if (bytes > stopAfter) return bytes;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isSuspectChar(code: number): boolean {
  // C0 controls other than tab, LF, FF, CR; DEL; C1 controls; the replacement character.
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xfffd
  );
}

export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let suspect = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSuspectChar(text.charCodeAt(i))) suspect++;
  }
  // A couple of stray bad characters in a short text are a damaged text, not a binary file.
  return suspect >= 3 && suspect > text.length * BINARY_RATIO;
}

/**
 * Rejects input no article can come from, and returns it with line endings and stray
 * control characters normalised. Checks run cheapest first so a huge upload fails fast.
 */
export function guardInput(input: unknown, maxBytes: number): string {
  if (typeof input !== 'string') throw new ArticleParseError('EMPTY');
  // Every UTF-16 unit is at least one UTF-8 byte, so a long string fails without counting.
  if (input.length > maxBytes || countUtf8Bytes(input, maxBytes) > maxBytes) {
    throw new ArticleParseError('TOO_LARGE');
  }
  if (input.trim() === '') throw new ArticleParseError('EMPTY');
  if (looksBinary(input)) throw new ArticleParseError('BINARY');
  return normalizeText(input);
}

export function normalizeText(text: string): string {
  return text
    .replace(/[\uFEFF\u200B]/g, '') // byte-order marks and zero-width spaces: invisible, and they defeat trimming
    .replace(/\r\n?|[\u2028\u2029\f\v]/g, '\n')
    .replace(/(?![\0\t-\r])\p{Cc}/gu, '') // C0 and C1 controls other than NUL and the whitespace ones
    .normalize('NFC');
}
