// Per-paragraph agreement for the reader's margin, beside the attention bars: for each block,
// how many pairs of readers whose highlights overlap there (the passages of disagreements.ts,
// the units of the agreement figure) gave the passage the same tag. A plain share of pairs
// rather than alpha: a paragraph holds a passage or two, too few for a chance correction to
// mean anything, and "2 of 3 pairs agree" needs no explaining. Blocks no two readers
// highlighted together get nothing.
import { toDocumentPosition } from '@/lib/anchoring/document-text';
import type { DocumentIndex, TextPoint } from '@/lib/anchoring/types';
import { DEFAULT_OVERLAP, findSharedPassages, type ReaderHighlight } from './disagreements';

export interface BlockAgreement {
  /** pairs of readers on the block's shared passages who gave the same (first) tag */
  agreeing: number;
  pairs: number;
  /** passages of the block at least two readers highlighted */
  passages: number;
  readers: number;
}

type Located = Pick<ReaderHighlight, 'id' | 'readerId' | 'start' | 'end' | 'tags' | 'anchor'>;

/** Agreement per block anchor (the block each shared passage starts in). */
export function agreementByBlock(
  highlights: readonly Located[],
  threshold = DEFAULT_OVERLAP,
): Map<string, BlockAgreement> {
  const passages = findSharedPassages(
    highlights.map((h) => ({ ...h, readerName: '', note: '', exact: '', paragraph: null })),
    threshold,
  );
  const blocks = new Map<string, BlockAgreement & { who: Set<string> }>();
  for (const p of passages) {
    const block = blocks.get(p.anchor) ?? { agreeing: 0, pairs: 0, passages: 0, readers: 0, who: new Set() };
    const firstTags = p.readings.map((r) => r.tags[0]);
    for (let i = 0; i < firstTags.length; i++)
      for (let j = i + 1; j < firstTags.length; j++) {
        block.pairs++;
        if (firstTags[i] === firstTags[j]) block.agreeing++;
      }
    block.passages++;
    for (const r of p.readings) block.who.add(r.readerId);
    blocks.set(p.anchor, block);
  }
  return new Map([...blocks].map(([anchor, { who, ...rest }]) => [anchor, { ...rest, readers: who.size }]));
}

/** The same from the reader's highlight records (block-relative targets). */
export function agreementOfRecords(
  index: DocumentIndex,
  records: Iterable<{
    id: string;
    start: TextPoint;
    end: TextPoint;
    tags: readonly string[];
    author: { id: string };
  }>,
  threshold = DEFAULT_OVERLAP,
): Map<string, BlockAgreement> {
  const located: Located[] = [];
  const readers = new Set<string>();
  for (const r of records) {
    if (r.tags.length === 0) continue;
    const start = toDocumentPosition(index, r.start);
    const end = toDocumentPosition(index, r.end);
    if (start === null || end === null) continue;
    located.push({ id: r.id, readerId: r.author.id, start, end, tags: r.tags, anchor: r.start.block });
    readers.add(r.author.id);
  }
  // one reader alone (the usual case outside a seminar) shares no passage: skip the grouping
  if (readers.size < 2) return new Map();
  return agreementByBlock(located, threshold);
}

/** "¶4: readers agree on 2 of 3 overlapping pairs" (the marker's label and tooltip). */
export function describeBlockAgreement(label: string, a: BlockAgreement): string {
  const what = `readers agree on ${a.agreeing} of ${a.pairs} overlapping pair${a.pairs === 1 ? '' : 's'}`;
  return `${label ? `${label}: ` : ''}${what}`;
}

/** The marker's visible sign: a symbol and the count, so colour is never the only signal
 * ("=" all agree, "≈" some, "≠" none). */
export function agreementSign(a: BlockAgreement): string {
  const symbol = a.agreeing === a.pairs ? '=' : a.agreeing === 0 ? '≠' : '≈';
  return `${symbol}${a.agreeing}/${a.pairs}`;
}
