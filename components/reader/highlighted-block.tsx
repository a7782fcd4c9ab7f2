'use client';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { segmentBlock, type Highlight } from '@/lib/segments/segment-block';
import { ArticleBlock, type BlockData } from './article-block';

const MAX_IDS_IN_DOM = 8;

export interface RunStyle {
  tag1: string;
  tag2?: string;
  count: number;
  mine: boolean;
  unsaved: boolean;
  draft: boolean;
  description: string;
}

interface Props {
  block: BlockData;
  label: string;
  highlights: Highlight[];
  /** changes whenever anything that affects this block's rendering changes */
  renderKey: string;
  styleFor: (ids: string[]) => RunStyle | null;
  onOpenRun: (ids: string[], element: HTMLElement) => void;
  aside?: React.ReactNode;
  /** changes whenever `aside` changes */
  asideKey?: string;
}

function BlockView({ block, label, highlights, styleFor, onOpenRun, aside }: Props) {
  const content =
    highlights.length === 0
      ? block.text
      : segmentBlock(block.text, highlights).map((segment) => {
          if (segment.ids.length === 0) return <span key={segment.start}>{segment.text}</span>;
          const style = styleFor(segment.ids);
          if (!style) return <span key={segment.start}>{segment.text}</span>;
          const open = (event: MouseEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => {
            if (window.getSelection()?.isCollapsed === false) return;
            onOpenRun(
              segment.ids.filter((id) => id !== 'draft'),
              event.currentTarget,
            );
          };
          if (style.draft && segment.ids.length === 1) {
            return (
              <mark key={segment.start} className="hl hl-draft">
                {segment.text}
              </mark>
            );
          }
          return (
            <mark
              key={segment.start}
              className={`hl${style.mine ? ' hl-mine' : ''}${style.unsaved ? ' hl-unsaved' : ''}${style.draft ? ' hl-draft' : ''}`}
              data-tag1={style.tag1}
              data-tag2={style.tag2}
              data-count={style.count > 1 ? style.count : undefined}
              // Dense runs (dozens of readers on one sentence) leave the ids out: they would
              // dominate the page's size, and the popover lists them anyway.
              data-ids={segment.ids.length <= MAX_IDS_IN_DOM ? segment.ids.join(' ') : undefined}
              title={style.description}
              tabIndex={0}
              aria-label={`${segment.text} (${style.description})`}
              // A highlight is marked text that opens its annotations: a <button> inside would
              // stop the article's text from being selected across it, so <mark> takes the role.
              // eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role
              role="button"
              onClick={open}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  event.stopPropagation();
                  onOpenRun(
                    segment.ids.filter((id) => id !== 'draft'),
                    event.currentTarget,
                  );
                }
              }}
            >
              {segment.text}
            </mark>
          );
        });
  return (
    <ArticleBlock block={block} label={label} aside={aside} focusable>
      {content}
    </ArticleBlock>
  );
}

/** Re-renders only when its own highlights (or their styles) change. */
export const HighlightedBlock = memo(
  BlockView,
  (a, b) =>
    a.renderKey === b.renderKey &&
    a.asideKey === b.asideKey &&
    a.block === b.block &&
    a.onOpenRun === b.onOpenRun,
);
