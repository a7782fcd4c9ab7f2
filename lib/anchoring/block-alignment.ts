import type { DocumentIndex } from './types';

/**
 * Where each old block went in a new version. Anchors are paragraph numbers, so after
 * an inserted or deleted paragraph the same anchor names a different paragraph; blocks
 * are therefore matched by identical text first, and changed blocks take the position
 * implied by their nearest matched neighbour.
 */
export interface BlockAlignment {
  /** New block index for each old block index (never -1 when the new version has blocks). */
  readonly newIndexOf: Int32Array;
  /** Maps an offset in old block `oldBlock` to the likely offset in new block `newBlock`. */
  mapOffset(oldBlock: number, newBlock: number, offset: number): number;
}

export function alignBlocks(oldIndex: DocumentIndex, newIndex: DocumentIndex): BlockAlignment {
  const oldCount = oldIndex.blocks.length;
  const newCount = newIndex.blocks.length;
  const matched = matchIdenticalBlocks(oldIndex, newIndex);
  const newIndexOf = new Int32Array(oldCount).fill(-1);
  if (newCount > 0) {
    const previousMatched = new Int32Array(oldCount).fill(-1);
    for (let i = 0, last = -1; i < oldCount; i++) {
      if (matched[i] >= 0) last = i;
      previousMatched[i] = last;
    }
    let next = -1;
    for (let i = oldCount - 1; i >= 0; i--) {
      if (matched[i] >= 0) {
        next = i;
        newIndexOf[i] = matched[i];
        continue;
      }
      const p = previousMatched[i];
      let guess: number;
      if (p >= 0 && next >= 0 && matched[p] < matched[next]) {
        const lo = matched[p] + 1;
        const hi = matched[next] - 1;
        // No room between the neighbours means the block was deleted or merged into one.
        guess =
          lo <= hi ? clamp(matched[p] + (i - p), lo, hi) : i - p <= next - i ? matched[p] : matched[next];
      } else if (p >= 0) {
        guess = matched[p] + (i - p);
      } else if (next >= 0) {
        guess = matched[next] - (next - i);
      } else {
        guess = i;
      }
      newIndexOf[i] = clamp(guess, 0, newCount - 1);
    }
  }

  const offsetMaps = new Map<number, (offset: number) => number>();
  return {
    newIndexOf,
    mapOffset(oldBlock, newBlock, offset) {
      const key = oldBlock * (newCount + 1) + newBlock;
      let map = offsetMaps.get(key);
      if (!map) {
        map = buildOffsetMap(oldIndex.blocks[oldBlock].text, newIndex.blocks[newBlock].text);
        offsetMaps.set(key, map);
      }
      return map(offset);
    },
  };
}

/** Pairs old and new blocks with identical text, nearest to where the previous pair suggests. */
function matchIdenticalBlocks(oldIndex: DocumentIndex, newIndex: DocumentIndex): Int32Array {
  const byText = new Map<string, number[]>();
  newIndex.blocks.forEach((block, i) => {
    const list = byText.get(block.text);
    if (list) list.push(i);
    else byText.set(block.text, [i]);
  });
  const used = new Uint8Array(newIndex.blocks.length);
  const matched = new Int32Array(oldIndex.blocks.length).fill(-1);
  let shift = 0;
  oldIndex.blocks.forEach((block, i) => {
    const candidates = byText.get(block.text);
    if (!candidates) return;
    let best = -1;
    for (const c of candidates) {
      if (used[c]) continue;
      if (best < 0 || Math.abs(c - (i + shift)) < Math.abs(best - (i + shift))) best = c;
    }
    if (best < 0) return;
    used[best] = 1;
    matched[i] = best;
    shift = best - i;
  });
  return matched;
}

/**
 * Offsets before the first change keep their value, offsets after the last change
 * shift by the length difference, and offsets inside the changed middle are scaled.
 */
function buildOffsetMap(oldText: string, newText: string): (offset: number) => number {
  if (oldText === newText) return (offset) => offset;
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const oldMiddle = oldText.length - prefix - suffix;
  const newMiddle = newText.length - prefix - suffix;
  return (offset) => {
    if (offset <= prefix) return offset;
    if (offset >= oldText.length - suffix)
      return clamp(offset + newText.length - oldText.length, 0, newText.length);
    return prefix + Math.round(((offset - prefix) * newMiddle) / Math.max(1, oldMiddle));
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
