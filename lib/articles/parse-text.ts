import { endsWithTerminalPunctuation, isFurnitureLine, isHeadingLike } from './text-rules';
import type { DraftBlock } from './types';

/** Lines longer than this are not hard-wrapped prose; each is a paragraph of its own. */
const MAX_WRAPPED_LINE = 120;

/**
 * Plain text → drafts. Blocks are separated by blank lines; inside a block, hard-wrapped
 * lines are joined, while one-paragraph-per-line text (a copy from a web page) stays
 * one block per line. A short heading-like first line glued to its paragraph is split off.
 */
export function parseTextDrafts(text: string): DraftBlock[] {
  const lines = text.split('\n').map((line) => line.trim());
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] === '' || isFurnitureLine(lines[start]))) start++;
  while (end > start && (lines[end - 1] === '' || isFurnitureLine(lines[end - 1]))) end--;

  const drafts: DraftBlock[] = [];
  let group: string[] = [];
  for (let i = start; i <= end; i++) {
    if (i < end && lines[i] !== '') {
      group.push(lines[i]);
    } else if (group.length > 0) {
      for (const draft of draftsFromGroup(group)) drafts.push(draft); // no spread: groups can be huge
      group = [];
    }
  }
  return drafts;
}

function draftsFromGroup(lines: string[]): DraftBlock[] {
  const drafts: DraftBlock[] = [];
  let rest = lines;
  if (lines.length >= 2 && startsWithGluedHeading(lines[0], lines[1])) {
    drafts.push({ kind: 'HEADING', text: lines[0] });
    rest = lines.slice(1);
  }
  if (rest.length === 1 || isHardWrapped(rest)) {
    drafts.push({ kind: 'PARAGRAPH', text: joinWrappedLines(rest) });
  } else {
    for (const line of rest) drafts.push({ kind: 'PARAGRAPH', text: line });
  }
  return drafts;
}

// A heading is markedly shorter than the line after it; the first line of a wrapped
// paragraph is about as long as the next.
function startsWithGluedHeading(first: string, second: string): boolean {
  return isHeadingLike(first) && second.length >= 40 && second.length >= first.length * 1.5;
}

// Greedy wrapping leaves no room on a line for the next line's first word, and wrapped prose
// rarely ends a line at a sentence end; one-paragraph-per-line text fails both tests.
function isHardWrapped(lines: string[]): boolean {
  const inner = lines.slice(0, -1);
  if (inner.some((line) => line.length > MAX_WRAPPED_LINE)) return false;
  const width = lines.reduce((max, line) => Math.max(max, line.length), 0);
  let full = 0;
  inner.forEach((line, i) => {
    const space = lines[i + 1].indexOf(' ');
    const nextWord = space < 0 ? lines[i + 1].length : space;
    if (line.length + 1 + nextWord > width * 0.85) full++;
  });
  const sentenceEnds = inner.filter(endsWithTerminalPunctuation).length;
  return full >= inner.length * 0.8 && sentenceEnds * 2 <= inner.length;
}

function joinWrappedLines(lines: string[]): string {
  const parts = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    // Test the short previous line, never the growing result (that would be quadratic).
    const hyphenated = /\p{L}-$/u.test(lines[i - 1]) && /^\p{Ll}/u.test(lines[i]);
    parts.push(hyphenated ? lines[i] : ` ${lines[i]}`);
  }
  return parts.join('');
}
