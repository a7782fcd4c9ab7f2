'use client';
import type { BlockKind } from '@/lib/articles/types';

export type ReviewKind = Exclude<BlockKind, 'TITLE'> | 'LEAVE_OUT';

export interface ReviewBlock {
  kind: ReviewKind;
  text: string;
}

const KIND_NAMES: Record<ReviewKind, string> = {
  STANDFIRST: 'Standfirst',
  BYLINE: 'Byline',
  HEADING: 'Heading',
  PARAGRAPH: 'Paragraph',
  CAPTION: 'Caption',
  LEAVE_OUT: 'Leave out',
};

const PREVIEW_CHARS = 60;

function shortText(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/** What the preview found, in words: "12 paragraphs, 2 headings, 1 caption". */
export function describeCounts(blocks: ReviewBlock[]): string {
  const order: ReviewKind[] = ['STANDFIRST', 'BYLINE', 'HEADING', 'PARAGRAPH', 'CAPTION', 'LEAVE_OUT'];
  const plural: Record<ReviewKind, [string, string]> = {
    STANDFIRST: ['standfirst', 'standfirsts'],
    BYLINE: ['byline', 'bylines'],
    HEADING: ['heading', 'headings'],
    PARAGRAPH: ['paragraph', 'paragraphs'],
    CAPTION: ['caption', 'captions'],
    LEAVE_OUT: ['block left out', 'blocks left out'],
  };
  const parts = order
    .map((kind) => [kind, blocks.filter((b) => b.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${plural[kind][n === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(', ') : 'no text besides the title';
}

/** The parsed article, one row per block, each with the kind the reader may correct. */
export function BlockReview({
  blocks,
  onKindChange,
  disabled,
}: {
  blocks: ReviewBlock[];
  onKindChange: (index: number, kind: ReviewKind) => void;
  disabled?: boolean;
}) {
  return (
    <ol className="import-blocks" aria-label="Blocks of the article">
      {blocks.map((block, index) => (
        <li
          key={index}
          className={`import-block import-kind-${block.kind.toLowerCase()}${block.kind === 'LEAVE_OUT' ? ' import-block-left-out' : ''}`}
        >
          <span className="import-block-number" aria-hidden="true">
            {index + 1}
          </span>
          <select
            aria-label={`Kind of block ${index + 1}: ${shortText(block.text)}`}
            value={block.kind}
            disabled={disabled}
            onChange={(event) => onKindChange(index, event.target.value as ReviewKind)}
          >
            {(Object.keys(KIND_NAMES) as ReviewKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {KIND_NAMES[kind]}
              </option>
            ))}
          </select>
          <p className="import-block-text">{block.text}</p>
        </li>
      ))}
    </ol>
  );
}
