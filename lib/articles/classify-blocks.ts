import {
  isBylineText,
  isCaptionText,
  isFurnitureLine,
  isHeadingLike,
  isInterruption,
  isNavLike,
  isOrnament,
  isTitleLike,
  truncateTitle,
} from './text-rules';
import { ArticleParseError, type ArticleFormat, type BlockKind, type DraftBlock } from './types';

/** The byline and standfirst are looked for only this many blocks after the title. */
const HEADER_ZONE = 4;
const STANDFIRST_MAX_CHARS = 600;

export interface ClassifiedArticle {
  title: string;
  blocks: { kind: BlockKind; text: string }[];
}

/**
 * Turns a format parser's drafts into the final block sequence: drops furniture, makes sure
 * exactly one TITLE comes first, and recognises the byline, standfirst, headings (plain text
 * only; the other formats mark them up) and photo captions.
 */
export function classifyBlocks(
  drafts: DraftBlock[],
  format: ArticleFormat,
  fallbackTitle?: string,
): ClassifiedArticle {
  const kept = dropFurniture(drafts);
  if (kept.length === 0) throw new ArticleParseError('NO_TEXT');

  const blocks = placeTitle(kept, format, fallbackTitle);
  if (blocks.length === 1) {
    // Only a title was found: an HTML page whose body is rendered by scripts, say.
    throw new ArticleParseError('NO_TEXT', 'The article has a title but no text.');
  }
  markHeaderZone(blocks, format);
  if (format === 'text') markTextHeadings(blocks);
  for (const block of blocks) {
    if (block.kind === 'PARAGRAPH' && isCaptionText(block.text)) block.kind = 'CAPTION';
  }
  return {
    title: truncateTitle(blocks[0].text),
    blocks: blocks.map(({ kind, text }) => ({ kind, text })),
  };
}

function dropFurniture(drafts: DraftBlock[]): DraftBlock[] {
  const kept = drafts
    .map((d) => ({ ...d, text: d.text.trim() }))
    .filter(
      (d) => d.text !== '' && !(d.kind === 'PARAGRAPH' && (isInterruption(d.text) || isOrnament(d.text))),
    );
  let start = 0;
  let end = kept.length;
  while (start < end && kept[start].kind === 'PARAGRAPH' && isFurnitureLine(kept[start].text)) start++;
  while (end > start && kept[end - 1].kind === 'PARAGRAPH' && isFurnitureLine(kept[end - 1].text)) end--;
  return kept.slice(start, end);
}

function placeTitle(blocks: DraftBlock[], format: ArticleFormat, fallbackTitle?: string): DraftBlock[] {
  const titleIndex = blocks.findIndex((b) => b.kind === 'TITLE');
  for (let i = titleIndex + 1; titleIndex >= 0 && i < blocks.length; i++) {
    if (blocks[i].kind === 'TITLE') blocks[i].kind = 'HEADING';
  }
  if (titleIndex >= 0) {
    // Breadcrumbs and kickers above an explicit headline go; real text is kept, after it.
    const before = blocks.slice(0, titleIndex).filter((b) => !isNavLike(b.text));
    return [blocks[titleIndex], ...before, ...blocks.slice(titleIndex + 1)];
  }
  const first = blocks[0];
  if (format === 'text' && blocks.length > 1 && first.kind !== 'CAPTION' && isTitleLike(first.text)) {
    first.kind = 'TITLE';
    return blocks;
  }
  const title = fallbackTitle?.trim() || truncateTitle(first.text);
  return [{ kind: 'TITLE', text: title }, ...blocks];
}

function markHeaderZone(blocks: DraftBlock[], format: ArticleFormat): void {
  const zoneEnd = Math.min(blocks.length, 1 + HEADER_ZONE);
  const canBeByline = (b: DraftBlock) =>
    b.hint === 'byline' ||
    ((b.kind === 'PARAGRAPH' || (b.kind === 'HEADING' && format === 'text')) && isBylineText(b.text));

  let bylineIndex = -1;
  for (let i = 1; i < zoneEnd; i++) {
    if (canBeByline(blocks[i])) {
      bylineIndex = i;
      break;
    }
  }
  if (bylineIndex > 0) blocks[bylineIndex].kind = 'BYLINE';

  const hinted = blocks.findIndex(
    (b, i) => i > 0 && i < zoneEnd && b.hint === 'standfirst' && b.kind !== 'BYLINE',
  );
  // Without a hint, the one block between the title and the byline is the standfirst.
  const standfirst = hinted > 0 ? hinted : bylineIndex === 2 ? 1 : -1;
  const candidate = blocks[standfirst];
  if (
    candidate &&
    (candidate.kind === 'PARAGRAPH' || candidate.kind === 'HEADING') &&
    candidate.text.length <= STANDFIRST_MAX_CHARS &&
    !isCaptionText(candidate.text)
  ) {
    candidate.kind = 'STANDFIRST';
  }
}

/** A heading-like paragraph is a heading when body text (or another heading) follows it. */
function markTextHeadings(blocks: DraftBlock[]): void {
  for (let i = blocks.length - 2; i >= 1; i--) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (block.kind !== 'PARAGRAPH' || !isHeadingLike(block.text)) continue;
    const nextIsBody = next.kind === 'PARAGRAPH' && !isHeadingLike(next.text) && !isCaptionText(next.text);
    if (next.kind === 'HEADING' || nextIsBody) {
      block.kind = 'HEADING';
    }
  }
}
