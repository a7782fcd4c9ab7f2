// The stored shape of a note or reply body: the subset of Tiptap's JSON that the
// note editor can produce, after normalisation (attributes we do not use dropped).

export type BoldMark = { type: 'bold' };
export type ItalicMark = { type: 'italic' };
export type StrikeMark = { type: 'strike' };
export type CodeMark = { type: 'code' };
export type LinkMark = { type: 'link'; attrs: { href: string } };
export type NoteMark = BoldMark | ItalicMark | StrikeMark | CodeMark | LinkMark;
export type NoteMarkType = NoteMark['type'];

export type TextNode = { type: 'text'; text: string; marks?: NoteMark[] };
export type HardBreakNode = { type: 'hardBreak' };
export type InlineNode = TextNode | HardBreakNode;

export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] };
export type ListItemNode = { type: 'listItem'; content: BlockNode[] };
export type BulletListNode = { type: 'bulletList'; content: ListItemNode[] };
export type OrderedListNode = {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItemNode[];
};
export type BlockquoteNode = { type: 'blockquote'; content: BlockNode[] };
export type BlockNode = ParagraphNode | BulletListNode | OrderedListNode | BlockquoteNode;

export type NoteNode = BlockNode | ListItemNode | InlineNode;
export type NoteNodeType = NoteNode['type'];

export type NoteDoc = { type: 'doc'; content?: BlockNode[] };
