import { Parser } from 'htmlparser2';

// Inline Markdown → plain text. Links and code spans are found by bounded scans instead of
// regexes, and the emphasis regexes only span runs free of their own delimiter, so no input
// makes this quadratic.

const MAX_LABEL = 1000;
const MAX_DESTINATION = 2048;
// Backslash-escaped punctuation is parked in the Private Use Area while markup is stripped.
const PARKED_BASE = 0xe000;

export function stripInlineMarkdown(text: string): string {
  if (!/[\\`*_~[<&]/.test(text)) return text.replace(/[ \t\n]+/g, ' ').trim();
  const parked = text.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) =>
    String.fromCharCode(PARKED_BASE + c.charCodeAt(0)),
  );
  const plain = splitCodeSpans(parked)
    .map((segment) => (segment.code ? segment.text : stripMarkup(segment.text)))
    .join('');
  return plain
    .replace(/[\uE021-\uE07E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARKED_BASE))
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

/** The alt text when a paragraph is a lone image (`![alt](src)`), else null. */
export function standaloneImageAlt(text: string): string | null {
  if (!text.startsWith('![')) return null;
  const close = scanLabel(text, 2);
  if (close < 0 || text[close + 1] !== '(') return null;
  const end = scanDestination(text, close + 2);
  return end === text.length - 1 ? text.slice(2, close) : null;
}

function stripMarkup(text: string): string {
  let out = replaceLinks(replaceLinks(text, '!['), '[');
  out = out.replace(/<((?:https?|ftp|mailto):[^<>\s]*)>/gi, '$1');
  out = stripHtml(out);
  for (let pass = 0; pass < 3; pass++) {
    const before = out;
    out = out
      .replace(/(\*{1,3})(?=[^\s*])([^*\n]*[^\s*])\1(?!\*)/g, '$2')
      .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(?=[^\s_])([^_\n]*[^\s_])\2(?![\p{L}\p{N}_])/gu, '$1$3')
      .replace(/~~(?=[^\s~])([^~\n]*[^\s~])~~/g, '$1');
    if (out === before) break;
  }
  return decodeEntities(out);
}

/** `[label](destination)`, `[label][ref]` and, with `![`, images → their label / alt text. */
function replaceLinks(text: string, opener: '[' | '!['): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf(opener, i);
    if (start < 0) break;
    const labelStart = start + opener.length;
    const close = scanLabel(text, labelStart);
    if (close >= 0) {
      const next = text[close + 1];
      const end =
        next === '(' ? scanDestination(text, close + 2) : next === '[' ? scanLabel(text, close + 2) : -1;
      if (end >= 0) {
        out += text.slice(i, start) + text.slice(labelStart, close);
        i = end + 1;
        continue;
      }
    }
    out += text.slice(i, labelStart);
    i = labelStart;
  }
  return out + text.slice(i);
}

/** Index of the `]` closing a label that starts at `from`; -1 at a nested `[` or too far. */
function scanLabel(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_LABEL);
  for (let k = from; k < limit; k++) {
    if (text[k] === ']') return k;
    if (text[k] === '[' || text[k] === '\n') return -1;
  }
  return -1;
}

/** Index of the `)` closing a link destination (and optional title) that starts at `from`. */
function scanDestination(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_DESTINATION);
  let depth = 0;
  for (let k = from; k < limit; k++) {
    const c = text[k];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return k;
      depth--;
    } else if (c === '[' || c === ']' || c === '\n') return -1;
  }
  return -1;
}

interface Segment {
  code: boolean;
  text: string;
}

/** Splits out code spans: a backtick run closed by the next run of the same length. */
function splitCodeSpans(text: string): Segment[] {
  const runs: { start: number; length: number }[] = [];
  for (let k = 0; k < text.length; k++) {
    if (text[k] !== '`') continue;
    const start = k;
    while (text[k + 1] === '`') k++;
    runs.push({ start, length: k - start + 1 });
  }
  if (runs.length < 2) return [{ code: false, text }];

  const byLength = new Map<number, number[]>();
  runs.forEach((run, r) => {
    const list = byLength.get(run.length);
    if (list) list.push(r);
    else byLength.set(run.length, [r]);
  });
  const cursor = new Map<number, number>();
  const segments: Segment[] = [];
  let position = 0;
  for (let r = 0; r < runs.length;) {
    const open = runs[r];
    const list = byLength.get(open.length) ?? [];
    let c = cursor.get(open.length) ?? 0;
    while (c < list.length && list[c] <= r) c++;
    cursor.set(open.length, c);
    if (c >= list.length) {
      r++;
      continue;
    }
    const close = runs[list[c]];
    let code = text.slice(open.start + open.length, close.start);
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') {
      code = code.slice(1, -1);
    }
    segments.push({ code: false, text: text.slice(position, open.start) }, { code: true, text: code });
    position = close.start + close.length;
    r = list[c] + 1;
  }
  segments.push({ code: false, text: text.slice(position) });
  return segments;
}

function stripHtml(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('<!--', i);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break; // an unclosed comment is literal text
    out += text.slice(i, open);
    i = close + 3;
  }
  out += text.slice(i);
  return out.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '');
}

/** HTML character references (`&amp;`, `&#8217;`) → characters, via htmlparser2's decoder. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  const parser = new Parser({ ontext: (data) => (out += data) }, { decodeEntities: true });
  parser.end(text.replace(/</g, '&lt;'));
  return out;
}
