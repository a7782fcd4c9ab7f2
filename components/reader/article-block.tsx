import type { ReactNode } from 'react';
import type { BlockKind } from '@/lib/articles/types';

export interface BlockData {
  anchor: string;
  kind: BlockKind;
  index: number;
  text: string;
}

/** One block of the article. The element carrying `data-anchor` holds the block's
 * text and nothing else, so that DOM offsets inside it are offsets in the block text. */
export function ArticleBlock({
  block,
  label,
  children,
  aside,
  focusable,
}: {
  block: BlockData;
  label: string;
  children?: ReactNode;
  aside?: ReactNode;
  focusable?: boolean;
}) {
  const text = children ?? block.text;
  // Keyboard selection starts from a focused block (see word-cursor.ts).
  const focus = focusable ? { tabIndex: 0, 'aria-describedby': 'keyboard-selection-help' } : {};
  // The label is CSS generated content (globals.css, .permalink::before), not text: the
  // <article>'s text is the blocks' text alone, so that exported selectors match the page.
  const permalink = (
    <a
      className="permalink"
      href={`#${block.anchor}`}
      aria-label={`Link to ${label}`}
      title={`Link to ${label}`}
      data-label={block.kind === 'PARAGRAPH' ? label : '#'}
    />
  );
  const body = (() => {
    switch (block.kind) {
      case 'TITLE':
        return (
          <h1 className="article-title" data-anchor={block.anchor} {...focus}>
            {text}
          </h1>
        );
      case 'STANDFIRST':
        return (
          <p className="standfirst" data-anchor={block.anchor} {...focus}>
            {text}
          </p>
        );
      case 'BYLINE':
        return (
          <p className="byline" data-anchor={block.anchor} {...focus}>
            {text}
          </p>
        );
      case 'HEADING':
        return (
          <h2 className="article-heading" data-anchor={block.anchor} {...focus}>
            {text}
          </h2>
        );
      case 'CAPTION':
        return (
          <p className="caption" data-anchor={block.anchor} {...focus}>
            {text}
          </p>
        );
      default:
        return (
          <p data-anchor={block.anchor} {...focus}>
            {text}
          </p>
        );
    }
  })();
  return (
    <section
      id={block.anchor}
      className={`block block-${block.kind.toLowerCase()}`}
      aria-label={block.kind === 'PARAGRAPH' ? label : undefined}
    >
      <div className="block-gutter">{permalink}</div>
      <div className="block-body">{body}</div>
      {aside && <div className="block-aside">{aside}</div>}
    </section>
  );
}
