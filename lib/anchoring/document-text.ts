import { isHighSurrogate, isLowSurrogate, snapOffSurrogate } from './surrogates';
import {
  BLOCK_SEPARATOR,
  CONTEXT_LENGTH,
  type BlockText,
  type DocumentIndex,
  type Target,
  type TextPoint,
} from './types';

export type { DocumentIndex } from './types';

export function buildDocumentIndex(blocks: BlockText[]): DocumentIndex {
  const starts: number[] = [];
  const indexByAnchor = new Map<string, number>();
  let position = 0;
  blocks.forEach((block, i) => {
    starts.push(position);
    position += block.text.length + BLOCK_SEPARATOR.length;
    // First occurrence wins; anchors are unique per version (a DB constraint).
    if (!indexByAnchor.has(block.anchor)) indexByAnchor.set(block.anchor, i);
  });
  const text = blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
  return { blocks: blocks.slice(), text, starts, indexByAnchor };
}

export function blockEnd(index: DocumentIndex, blockIndex: number): number {
  return index.starts[blockIndex] + index.blocks[blockIndex].text.length;
}

/** Index of the block whose span (or following separator) contains `pos`. */
export function blockIndexAt(index: DocumentIndex, pos: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Position of a point in the joined document text, or null if the point is not in the document. */
export function toDocumentPosition(index: DocumentIndex, point: TextPoint): number | null {
  const i = index.indexByAnchor.get(point.block);
  if (i === undefined) return null;
  const { offset } = point;
  if (!Number.isInteger(offset) || offset < 0 || offset > index.blocks[i].text.length) return null;
  return index.starts[i] + offset;
}

/**
 * Point for a position in the joined text. Positions are clamped to the document; one
 * inside a block separator snaps to the next block's start (bias 'start') or the
 * previous block's end (bias 'end'), so a range never begins or ends in a separator.
 */
export function fromDocumentPosition(index: DocumentIndex, pos: number, bias: 'start' | 'end'): TextPoint {
  if (index.blocks.length === 0) throw new RangeError('The document has no blocks');
  const clamped = Math.max(0, Math.min(Math.trunc(pos), index.text.length));
  const i = blockIndexAt(index, clamped);
  const end = blockEnd(index, i);
  if (clamped <= end) return { block: index.blocks[i].anchor, offset: clamped - index.starts[i] };
  if (bias === 'start') return { block: index.blocks[i + 1].anchor, offset: 0 };
  return { block: index.blocks[i].anchor, offset: index.blocks[i].text.length };
}

/**
 * Points for the document range [startPos, endPos) that covers the same block text
 * without leading or trailing separators: a start at a block's end moves to the next
 * block, an end at a block's start moves to the previous one. Null if no block text
 * is covered.
 */
export function pointsFromDocumentRange(
  index: DocumentIndex,
  startPos: number,
  endPos: number,
): { start: TextPoint; end: TextPoint } | null {
  if (index.blocks.length === 0 || endPos <= startPos) return null;
  let si = blockIndexAt(index, startPos);
  let startOffset = Math.max(0, Math.min(startPos - index.starts[si], index.blocks[si].text.length));
  if (startOffset === index.blocks[si].text.length && si + 1 < index.blocks.length) {
    si += 1;
    startOffset = 0;
  }
  let ei = blockIndexAt(index, endPos);
  let endOffset = Math.min(endPos - index.starts[ei], index.blocks[ei].text.length);
  if (endOffset <= 0 && ei > si) {
    ei -= 1;
    endOffset = index.blocks[ei].text.length;
  }
  if (ei < si || (ei === si && endOffset <= startOffset)) return null;
  return {
    start: { block: index.blocks[si].anchor, offset: startOffset },
    end: { block: index.blocks[ei].anchor, offset: endOffset },
  };
}

function requirePositions(index: DocumentIndex, start: TextPoint, end: TextPoint): [number, number] {
  const s = toDocumentPosition(index, start);
  const e = toDocumentPosition(index, end);
  if (s === null) throw new RangeError(`Start ${start.block}:${start.offset} is not in the document`);
  if (e === null) throw new RangeError(`End ${end.block}:${end.offset} is not in the document`);
  if (e < s) throw new RangeError('End comes before start');
  return [s, e];
}

/** The text between two points, blocks joined with "\n\n". Throws if a point is not in the document. */
export function quoteBetween(index: DocumentIndex, start: TextPoint, end: TextPoint): string {
  const [s, e] = requirePositions(index, start, end);
  return index.text.slice(s, e);
}

/** A full target for a valid range: the exact quote and up to 32 code units of context each side. */
export function describeTarget(index: DocumentIndex, start: TextPoint, end: TextPoint): Target {
  const [s, e] = requirePositions(index, start, end);
  const { text } = index;
  let prefixStart = Math.max(0, s - CONTEXT_LENGTH);
  // Never keep half of a surrogate pair in the context: it could not be stored or shown.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, e + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return {
    start: { block: start.block, offset: start.offset },
    end: { block: end.block, offset: end.offset },
    exact: text.slice(s, e),
    prefix: text.slice(prefixStart, s),
    suffix: text.slice(e, suffixEnd),
  };
}

/**
 * A target for the document range [startPos, endPos), widened off surrogate-pair halves
 * and tightened off separators; null if it covers no block text.
 */
export function targetFromDocumentRange(
  index: DocumentIndex,
  startPos: number,
  endPos: number,
): Target | null {
  const start = snapOffSurrogate(index.text, startPos, 'back');
  const end = snapOffSurrogate(index.text, endPos, 'forward');
  const points = pointsFromDocumentRange(index, start, end);
  return points ? describeTarget(index, points.start, points.end) : null;
}
