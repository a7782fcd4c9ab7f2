import { Fragment, type JSX, type ReactNode } from 'react';
// Straight from the modules, not the `@/lib/notes` barrel: that one also builds the zod
// schemas, which the reader's first load does not need (docs/adr/0027-first-load-main-thread.md).
import { isAllowedHref } from '@/lib/notes/note-href';
import { MAX_NOTE_DEPTH } from '@/lib/notes/note-limits';
import { isEmptyNote } from '@/lib/notes/note-plain-text';
import type { BlockNode, InlineNode, NoteDoc, NoteMark } from '@/lib/notes/note-types';

/**
 * Shows a stored note. Builds React elements from the JSON (React escapes every
 * text), and checks link addresses again in case a row predates today's rules.
 */
export function NoteView({
  doc,
  className,
}: {
  doc: NoteDoc | null;
  className?: string;
}): JSX.Element | null {
  if (!doc || isEmptyNote(doc)) return null;
  return (
    <div className={className ? `note-view ${className}` : 'note-view'}>
      {renderBlocks(doc.content ?? [], 1)}
    </div>
  );
}

function renderBlocks(blocks: readonly BlockNode[], depth: number): ReactNode[] {
  if (depth > MAX_NOTE_DEPTH) return [];
  return blocks.map((block, index) => renderBlock(block, index, depth));
}

function renderBlock(block: BlockNode, key: number, depth: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(block.content ?? [])}</p>;
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks(block.content ?? [], depth + 1)}</blockquote>;
    case 'bulletList':
      return (
        <ul key={key}>
          {(block.content ?? []).map((item, i) => (
            <li key={i}>{renderBlocks(item.content ?? [], depth + 2)}</li>
          ))}
        </ul>
      );
    case 'orderedList': {
      const start = block.attrs?.start;
      return (
        <ol key={key} start={Number.isInteger(start) && start !== 1 ? start : undefined}>
          {(block.content ?? []).map((item, i) => (
            <li key={i}>{renderBlocks(item.content ?? [], depth + 2)}</li>
          ))}
        </ol>
      );
    }
    default:
      return null;
  }
}

function renderInline(nodes: readonly InlineNode[]): ReactNode[] {
  return nodes.map((node, key) => {
    if (node.type === 'hardBreak') return <br key={key} />;
    if (node.type !== 'text' || typeof node.text !== 'string') return null;
    const lines = node.text.split('\n');
    const text: ReactNode =
      lines.length === 1
        ? node.text
        : lines.flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]));
    return <Fragment key={key}>{wrapMarks(text, node.marks ?? [])}</Fragment>;
  });
}

function wrapMarks(content: ReactNode, marks: readonly NoteMark[]): ReactNode {
  const has = (type: NoteMark['type']) => marks.some((mark) => mark.type === type);
  let out = content;
  if (has('code')) out = <code>{out}</code>;
  if (has('strike')) out = <s>{out}</s>;
  if (has('italic')) out = <em>{out}</em>;
  if (has('bold')) out = <strong>{out}</strong>;
  const link = marks.find((mark) => mark.type === 'link');
  if (link && link.type === 'link' && isAllowedHref(link.attrs?.href)) {
    out = (
      <a href={link.attrs.href} target="_blank" rel="noopener noreferrer nofollow">
        {out}
      </a>
    );
  }
  return out;
}
