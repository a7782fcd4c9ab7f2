// Valid targets on a document version, as readers make them, and the number of highlight
// runs (<mark class="hl">) the reader draws for a set of them.
import { buildDocumentIndex, describeTarget, type DocumentIndex } from '@/lib/anchoring/document-text';
import type { BlockText, Target } from '@/lib/anchoring/types';
import { highlightsByBlock, segmentBlock } from '@/lib/segments';

/** mulberry32: a seeded generator, so every run measures the same data. */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StoredTarget extends Target {
  startIndex: number;
  endIndex: number;
}

/** Whole words, 1–30 of them, now and then (5 %) running into the next block. */
export function makeTargets(
  blocks: BlockText[],
  count: number,
  seed: number,
): { index: DocumentIndex; targets: StoredTarget[] } {
  const index = buildDocumentIndex(blocks);
  const next = seededRandom(seed);
  const candidates = index.blocks.map((b, i) => ({ ...b, i })).filter((b) => b.text.length > 40);
  const targets: StoredTarget[] = [];
  while (targets.length < count) {
    const block = candidates[Math.floor(next() * candidates.length)];
    const words = [...block.text.matchAll(/\S+/g)].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
    }));
    const first = Math.floor(next() * words.length);
    const following = index.blocks[block.i + 1];
    let target: Target;
    if (next() < 0.05 && following && following.text.length > 0) {
      const end = Math.min(following.text.length, 1 + Math.floor(next() * 80));
      target = describeTarget(
        index,
        { block: block.anchor, offset: words[first].start },
        { block: following.anchor, offset: end },
      );
    } else {
      const last = Math.min(words.length - 1, first + Math.floor(next() * 30));
      target = describeTarget(
        index,
        { block: block.anchor, offset: words[first].start },
        { block: block.anchor, offset: words[last].end },
      );
    }
    targets.push({
      ...target,
      startIndex: index.indexByAnchor.get(target.start.block)!,
      endIndex: index.indexByAnchor.get(target.end.block)!,
    });
  }
  return { index, targets };
}

/** How many highlight runs the article shows for these targets (the page cuts every
 * block at each highlight boundary, by all the annotations, and draws one <mark> per covered
 * run), and how many annotations cover a run on average (each run lists them in `data-ids`).
 * With `shown`, a filter: a run stays `mark.hl` while one of its annotations is shown (the
 * page does not re-cut the text on a filter change, docs/adr/0010-highlights-painted-outside-react.md). */
export function countHighlightRuns(
  index: DocumentIndex,
  targets: { id: string; target: Target }[],
  shown?: (id: string) => boolean,
): { runs: number; idsPerRun: number } {
  const byBlock = highlightsByBlock(
    index,
    targets.map((t) => ({ id: t.id, target: t.target })),
  );
  let runs = 0;
  let ids = 0;
  for (const block of index.blocks) {
    const pieces = byBlock.get(block.anchor);
    if (!pieces) continue;
    for (const segment of segmentBlock(block.text, pieces)) {
      const covering = shown ? segment.ids.filter(shown) : segment.ids;
      if (covering.length === 0) continue;
      runs++;
      ids += covering.length;
    }
  }
  return { runs, idsPerRun: runs === 0 ? 0 : ids / runs };
}
