// The review panel lists annotations in reading order: by the block their passage starts
// in, then the offset in that block, then creation time (oldest first), then id, so that a
// live arrival or one's own new note lands where it belongs instead of at the end.

export interface OrderedAnnotation {
  id: string;
  createdAt: string;
  target: { start: { block: string; offset: number } };
}

/** Block anchor → position in the document, from the blocks in document order. */
export function blockPositions(anchors: Iterable<string>): Map<string, number> {
  const positions = new Map<string, number>();
  let i = 0;
  for (const anchor of anchors) positions.set(anchor, i++);
  return positions;
}

export function compareInDocumentOrder(
  a: OrderedAnnotation,
  b: OrderedAnnotation,
  positions: Map<string, number>,
): number {
  const blockA = positions.get(a.target.start.block) ?? Number.MAX_SAFE_INTEGER;
  const blockB = positions.get(b.target.start.block) ?? Number.MAX_SAFE_INTEGER;
  if (blockA !== blockB) return blockA - blockB;
  if (a.target.start.offset !== b.target.start.offset) return a.target.start.offset - b.target.start.offset;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy; the input is left as it is. */
export function sortInDocumentOrder<T extends OrderedAnnotation>(
  list: readonly T[],
  positions: Map<string, number>,
): T[] {
  return [...list].sort((a, b) => compareInDocumentOrder(a, b, positions));
}
