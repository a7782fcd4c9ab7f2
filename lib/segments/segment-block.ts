import { snapOffSurrogate } from '@/lib/anchoring/surrogates';

/** A highlight within one block: code-unit offsets into that block's text. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
}

/** A run of block text; `ids` are the highlights covering it, in input order ([] if none). */
export interface Segment {
  start: number;
  end: number;
  text: string;
  ids: string[];
}

/**
 * Cuts a block's text at every highlight boundary. The segments cover the text exactly,
 * in order. Offsets are clamped to the text, a boundary inside an emoji is moved to take
 * the whole character, and empty highlights are ignored. Runs that the same set of
 * highlights covers are one segment, so a highlight listed twice does not split text.
 * Shared by server rendering and client filtering: no DOM.
 */
export function segmentBlock(text: string, highlights: Highlight[]): Segment[] {
  if (text.length === 0) return [];

  // Events sorted by position; O(k log k). Each is (position, highlight input index, +1 open / -1 close).
  const events: { pos: number; order: number; delta: 1 | -1 }[] = [];
  highlights.forEach((h, order) => {
    if (!Number.isFinite(h.start) || !Number.isFinite(h.end)) return;
    const start = snapOffSurrogate(text, clamp(Math.trunc(h.start), text.length), 'back');
    const end = snapOffSurrogate(text, clamp(Math.trunc(h.end), text.length), 'forward');
    if (end <= start) return;
    events.push({ pos: start, order, delta: 1 }, { pos: end, order, delta: -1 });
  });
  events.sort((a, b) => a.pos - b.pos);

  // Active highlights, kept sorted by input order so ids come out in input order. A splice
  // costs O(active), no more than listing the next segment's ids, so the total stays
  // O(k log k + n + output).
  const active: number[] = [];
  const segments: Segment[] = [];
  // Ids repeat only when a caller lists a highlight twice; otherwise a segment's ids need no
  // de-duplicating set (one per segment was a large part of painting 10,000 annotations).
  const repeats = new Set(highlights.map((h) => h.id)).size !== highlights.length;
  let cursor = 0;
  let e = 0;
  while (cursor < text.length) {
    while (e < events.length && events[e].pos <= cursor) {
      const { order, delta } = events[e++];
      const at = lowerBound(active, order);
      if (delta === 1) active.splice(at, 0, order);
      else if (active[at] === order) active.splice(at, 1);
    }
    const next = e < events.length ? Math.min(events[e].pos, text.length) : text.length;
    const ids = repeats ? uniqueIds(active, highlights) : active.map((order) => highlights[order].id);
    const previous = segments[segments.length - 1];
    if (previous && sameIds(previous.ids, ids)) {
      previous.end = next;
      previous.text = text.slice(previous.start, next);
    } else {
      segments.push({ start: cursor, end: next, text: text.slice(cursor, next), ids });
    }
    cursor = next;
  }
  return segments;
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uniqueIds(active: number[], highlights: Highlight[]): string[] {
  const ids: string[] = [];
  let seen: Set<string> | null = null;
  for (const order of active) {
    const id = highlights[order].id;
    if (ids.length > 0) {
      seen ??= new Set(ids);
      if (seen.has(id)) continue;
      seen.add(id);
    }
    ids.push(id);
  }
  return ids;
}

function sameIds(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
