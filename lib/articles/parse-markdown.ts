import { standaloneImageAlt, stripInlineMarkdown } from './strip-inline-markdown';
import type { DraftBlock } from './types';

/**
 * Markdown → drafts: the first level-1 heading (ATX or setext) is the title, other headings
 * are headings, every paragraph, list item, quote paragraph and table row is a paragraph, a
 * lone image is a caption (its alt text, or the emphasised line under it). Code is kept as
 * text without its fences; thematic breaks, link definitions and front matter are dropped.
 */
export function parseMarkdownDrafts(text: string): DraftBlock[] {
  const lines = text.split('\n');
  const drafts: DraftBlock[] = [];
  const frontMatter = readFrontMatter(lines);
  let paragraph: string[] = [];
  let hasTitle = false;
  let wasQuoted = false;
  // After a lone image, an emphasised paragraph is its caption.
  let image: { captionIndex: number } | null = null;

  const push = (draft: DraftBlock) => {
    if (draft.text === '') return;
    drafts.push(draft);
    image = null;
  };
  const pushHeading = (level: number, raw: string) => {
    const kind = level === 1 && !hasTitle ? 'TITLE' : 'HEADING';
    const before = drafts.length;
    push({ kind, text: stripInlineMarkdown(raw) });
    if (kind === 'TITLE' && drafts.length > before) hasTitle = true;
  };
  const flush = () => {
    const lines = paragraph;
    paragraph = [];
    // An image line directly above its caption line, with no blank line between.
    if (lines.length > 1 && standaloneImageAlt(lines[0]) !== null) {
      emitParagraph(lines[0]);
      emitParagraph(lines.slice(1).join(' ').trim());
    } else if (lines.length > 0) {
      emitParagraph(lines.join(' ').trim());
    }
  };
  const emitParagraph = (raw: string) => {
    const alt = standaloneImageAlt(raw);
    if (alt !== null) {
      push({ kind: 'CAPTION', text: stripInlineMarkdown(alt) });
      image = { captionIndex: drafts[drafts.length - 1]?.kind === 'CAPTION' ? drafts.length - 1 : -1 };
      return;
    }
    const pending: { captionIndex: number } | null = image;
    if (pending && isWhollyEmphasized(raw)) {
      const caption = { kind: 'CAPTION' as const, text: stripInlineMarkdown(raw) };
      if (pending.captionIndex >= 0) drafts[pending.captionIndex] = caption;
      else push(caption);
      image = null;
      return;
    }
    push({ kind: 'PARAGRAPH', text: stripInlineMarkdown(raw) });
  };

  for (let i = frontMatter.end; i < lines.length; i++) {
    const { quoted, rest: line } = stripQuoteMarkers(lines[i]);
    if (quoted !== wasQuoted) flush();
    wasQuoted = quoted;
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    // Gate each rule on the first character: most lines are prose and skip them all.
    const first = trimmed[0];
    const fence = first === '`' || first === '~' ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (fence) {
      flush();
      const close = findFenceEnd(lines, i + 1, fence[1]);
      const code = lines
        .slice(i + 1, close)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '');
      push({ kind: 'PARAGRAPH', text: code.join('\n').trim() });
      i = close;
      continue;
    }
    const atx = first === '#' ? parseAtxHeading(line) : null;
    if (atx) {
      flush();
      pushHeading(atx.level, atx.text);
      continue;
    }
    if (paragraph.length > 0 && (first === '=' || first === '-') && /^ {0,3}(=+|-+)[ \t]*$/.test(line)) {
      const raw = paragraph.join(' ');
      paragraph = [];
      pushHeading(trimmed[0] === '=' ? 1 : 2, raw);
      continue;
    }
    const rule = '-*_|:'.includes(first) && (isThematicBreak(trimmed) || isTableDivider(trimmed));
    if (rule || (first === '[' && /^ {0,3}\[[^\]]{1,999}\]:/.test(line))) {
      flush();
      continue;
    }
    if (trimmed.startsWith('|')) {
      flush();
      push({ kind: 'PARAGRAPH', text: stripInlineMarkdown(tableRowText(trimmed)) });
      continue;
    }
    const listy = first === '-' || first === '*' || first === '+' || (first >= '0' && first <= '9');
    const item = listy ? /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(line) : null;
    if (item) {
      flush();
      const content = line
        .slice(item[0].length)
        .replace(/^\[[ xX]\][ \t]+/, '')
        .trim();
      if (content !== '') paragraph.push(stripHardBreak(content));
      continue;
    }
    paragraph.push(stripHardBreak(trimmed));
  }
  flush();

  if (!hasTitle && frontMatter.title) drafts.unshift({ kind: 'TITLE', text: frontMatter.title });
  return drafts;
}

function stripQuoteMarkers(line: string): { quoted: boolean; rest: string } {
  let p = 0;
  let quoted = false;
  for (;;) {
    let q = p;
    while (q < p + 3 && line[q] === ' ') q++;
    if (line[q] !== '>') break;
    quoted = true;
    p = q + 1;
    if (line[p] === ' ') p++;
  }
  return { quoted, rest: quoted ? line.slice(p) : line };
}

function findFenceEnd(lines: string[], from: number, fence: string): number {
  for (let k = from; k < lines.length; k++) {
    const t = lines[k].trim();
    if (t.length >= fence.length && t[0] === fence[0] && t.split(fence[0]).every((s) => s === '')) return k;
  }
  return lines.length;
}

function parseAtxHeading(line: string): { level: number; text: string } | null {
  let p = 0;
  while (p < 3 && line[p] === ' ') p++;
  let level = 0;
  while (level < 7 && line[p + level] === '#') level++;
  if (level === 0 || level > 6) return null;
  const after = line[p + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  let text = line.slice(p + level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t'))
    text = text.slice(0, end).trim();
  return { level, text };
}

function isThematicBreak(trimmed: string): boolean {
  return /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed.replace(/[ \t]/g, ''));
}

function isTableDivider(trimmed: string): boolean {
  return trimmed.includes('|') && trimmed.includes('-') && /^[|:\- \t]+$/.test(trimmed);
}

function tableRowText(row: string): string {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '')
    .join(' | ');
}

function stripHardBreak(line: string): string {
  return line.endsWith('\\') ? line.slice(0, -1).trimEnd() : line;
}

function isWhollyEmphasized(raw: string): boolean {
  return raw.length > 2 && (raw[0] === '*' || raw[0] === '_') && raw[raw.length - 1] === raw[0];
}

function readFrontMatter(lines: string[]): { end: number; title?: string } {
  if (lines[0]?.trim() !== '---') return { end: 0 };
  for (let k = 1; k < Math.min(lines.length, 200); k++) {
    const t = lines[k].trim();
    if (t !== '---' && t !== '...') continue;
    const titleLine = lines.slice(1, k).find((l) => /^title\s*:/i.test(l));
    const title = titleLine
      ?.replace(/^title\s*:\s*/i, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    return { end: k + 1, title: title || undefined };
  }
  return { end: 0 };
}
