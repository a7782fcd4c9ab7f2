import type { DocumentIndex, TextPoint } from '@/lib/anchoring/types';
import type { Highlight } from './segment-block';

export interface AnchoredRange {
  id: string;
  target: { start: TextPoint; end: TextPoint };
}

/**
 * Splits annotation ranges into per-block highlights for `segmentBlock`: a range over
 * several blocks becomes its tail in the first block, every middle block whole, and its
 * head in the last. Ranges naming unknown blocks or ending before they start (e.g.
 * orphans passed by mistake) are skipped; empty pieces are left out. Each block's list
 * keeps the annotations' input order.
 */
export function highlightsByBlock(
  index: DocumentIndex,
  annotations: AnchoredRange[],
): Map<string, Highlight[]> {
  const byBlock = new Map<string, Highlight[]>();
  const add = (blockIndex: number, id: string, start: number, end: number) => {
    if (end <= start) return;
    const anchor = index.blocks[blockIndex].anchor;
    const list = byBlock.get(anchor);
    if (list) list.push({ id, start, end });
    else byBlock.set(anchor, [{ id, start, end }]);
  };

  for (const { id, target } of annotations) {
    const si = index.indexByAnchor.get(target.start.block);
    const ei = index.indexByAnchor.get(target.end.block);
    if (si === undefined || ei === undefined || ei < si) continue;
    const startLength = index.blocks[si].text.length;
    const start = clamp(target.start.offset, startLength);
    const end = clamp(target.end.offset, index.blocks[ei].text.length);
    if (si === ei) {
      add(si, id, start, end);
      continue;
    }
    add(si, id, start, startLength);
    for (let i = si + 1; i < ei; i++) add(i, id, 0, index.blocks[i].text.length);
    add(ei, id, 0, end);
  }
  return byBlock;
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(Math.trunc(value), max)) : 0;
}
