import type { BlockKind } from '@/lib/articles/types';

/** One block of the article as the reader page gets it (its HTML is lib/reader/article-html.ts). */
export interface BlockData {
  anchor: string;
  kind: BlockKind;
  index: number;
  text: string;
}
