// Human labels for blocks: paragraphs are numbered by position (¶1, ¶2, …), while
// their anchors (p-7) stay stable across versions for permalinks.
export interface LabelledBlock {
  anchor: string;
  kind: string;
}

export function labelBlocks(blocks: LabelledBlock[]): Map<string, string> {
  const labels = new Map<string, string>();
  let paragraph = 0;
  let caption = 0;
  for (const block of blocks) {
    switch (block.kind) {
      case 'PARAGRAPH':
        labels.set(block.anchor, `¶${++paragraph}`);
        break;
      case 'CAPTION':
        labels.set(block.anchor, `Caption ${++caption}`);
        break;
      case 'TITLE':
        labels.set(block.anchor, 'Title');
        break;
      case 'STANDFIRST':
        labels.set(block.anchor, 'Standfirst');
        break;
      case 'BYLINE':
        labels.set(block.anchor, 'Byline');
        break;
      default:
        labels.set(block.anchor, 'Heading');
    }
  }
  return labels;
}
