// Reading an article file in the browser, so that a wrong file is refused with a clear
// message before anything is uploaded. The server checks again (parseArticle).
import { MAX_ARTICLE_BYTES } from '@/lib/articles/parse-article';
import { countUtf8Bytes, looksBinary } from '@/lib/articles/guard-input';

export type FileCheck = { ok: true; text: string } | { ok: false; message: string };

const SIGNATURES: { bytes: (number | null)[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a Word document or a zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word document' },
];

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLargeMessage(what: string, bytes: number): string {
  return `${what} is ${formatSize(bytes)}. An article can be at most ${formatSize(MAX_ARTICLE_BYTES)}: split it, or remove embedded images and data.`;
}

function notTextMessage(name: string, what = 'binary data'): string {
  return `${name} is not a text file (it looks like ${what}). Upload plain text (.txt), Markdown (.md) or HTML (.html).`;
}

function signatureOf(bytes: Uint8Array): string | null {
  const hit = SIGNATURES.find(
    (s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => b === null || bytes[i] === b),
  );
  return hit?.what ?? null;
}

// Windows-1252's 0x80–0x9F (curly quotes, dashes, €…); TextDecoder's 'windows-1252' is
// plain Latin-1 in some runtimes, so the table is spelled out.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}

function decode(bytes: Uint8Array): string | null {
  // UTF-16 text (some Windows editors) announces itself with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: older text files are usually Windows-1252.
    return decodeWindows1252(bytes);
  }
}

/** Checks a file's bytes and decodes them as text. */
export function inspectArticleBytes(bytes: Uint8Array, name: string): FileCheck {
  if (bytes.length > MAX_ARTICLE_BYTES) return { ok: false, message: tooLargeMessage(name, bytes.length) };
  const signature = signatureOf(bytes);
  if (signature) return { ok: false, message: notTextMessage(name, signature) };
  const text = decode(bytes);
  if (text === null || looksBinary(text)) return { ok: false, message: notTextMessage(name) };
  if (text.trim() === '') return { ok: false, message: `${name} is empty.` };
  if (countUtf8Bytes(text, MAX_ARTICLE_BYTES) > MAX_ARTICLE_BYTES)
    return { ok: false, message: tooLargeMessage(name, countUtf8Bytes(text)) };
  return { ok: true, text };
}

/** Reads a chosen file; an oversized one is refused before it is read at all. */
export async function readArticleFile(file: File): Promise<FileCheck> {
  if (file.size > MAX_ARTICLE_BYTES) return { ok: false, message: tooLargeMessage(file.name, file.size) };
  try {
    return inspectArticleBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch {
    return {
      ok: false,
      message: `${file.name} could not be read. Try saving it again, or paste its text instead.`,
    };
  }
}

/** A problem with pasted text that the server would refuse anyway, or null. */
export function pastedTextProblem(text: string): string | null {
  const bytes = countUtf8Bytes(text, MAX_ARTICLE_BYTES + 1);
  if (bytes > MAX_ARTICLE_BYTES) return tooLargeMessage('The text', countUtf8Bytes(text));
  return null;
}
