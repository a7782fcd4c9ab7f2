import type { DocumentIndex, Target } from '@/lib/anchoring/types';

/** The stored columns of a target: block anchors with their positions in the version
 * (for document order), UTF-16 offsets, and the quote with its context. */
export interface TargetColumns {
  startBlock: string;
  startIndex: number;
  startOffset: number;
  endBlock: string;
  endIndex: number;
  endOffset: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** The same columns as a Prisma `select`, so that queries and this type stay in step. */
export const targetColumnSelect = {
  startBlock: true,
  startIndex: true,
  startOffset: true,
  endBlock: true,
  endIndex: true,
  endOffset: true,
  exact: true,
  prefix: true,
  suffix: true,
} as const satisfies Record<keyof TargetColumns, true>;

export function targetColumns(index: DocumentIndex, target: Target): TargetColumns {
  const startIndex = index.indexByAnchor.get(target.start.block);
  const endIndex = index.indexByAnchor.get(target.end.block);
  if (startIndex === undefined || endIndex === undefined)
    throw new RangeError('The target names a block that is not in this version.');
  return {
    startBlock: target.start.block,
    startIndex,
    startOffset: target.start.offset,
    endBlock: target.end.block,
    endIndex,
    endOffset: target.end.offset,
    exact: target.exact,
    prefix: target.prefix,
    suffix: target.suffix,
  };
}
