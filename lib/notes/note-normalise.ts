import { isAllowedHref } from './note-href';
import { MAX_NOTE_DEPTH } from './note-limits';
import type { BlockNode, InlineNode, ListItemNode, NoteDoc, NoteMark, OrderedListNode } from './note-types';

export type NotePath = (string | number)[];
export type NormaliseResult = { ok: true; doc: NoteDoc } | { ok: false; message: string; path: NotePath };

type Container = 'the document' | 'a blockquote' | 'a list item' | 'a list' | 'a paragraph';

const BLOCK_TYPES = new Set(['paragraph', 'bulletList', 'orderedList', 'blockquote']);
const INLINE_TYPES = new Set(['text', 'hardBreak']);
const KNOWN_NODE_TYPES = new Set([...BLOCK_TYPES, ...INLINE_TYPES, 'listItem', 'doc']);
const SIMPLE_MARKS = new Set(['bold', 'italic', 'strike', 'code']);
// The order Tiptap's schema ranks marks in, so a normalised doc equals editor.getJSON().
const MARK_RANK = ['link', 'bold', 'code', 'italic', 'strike'];
const MAX_START = 1_000_000_000;

/** What the text is, so that a reply's problems are told as a reply's. */
export type NoteSubject = 'note' | 'reply';

/** A problem's wording: fixed, or naming the subject. */
type Wording = string | ((subject: NoteSubject) => string);

class NoteShapeError extends Error {
  constructor(
    readonly wording: Wording,
    readonly path: NotePath,
  ) {
    super(typeof wording === 'string' ? wording : wording('note'));
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * Validates an untrusted Tiptap JSON value against the note allow-list and rebuilds
 * it with only the fields and attributes we keep. Stops at the first problem.
 */
export function normaliseNoteDoc(input: unknown, subject: NoteSubject = 'note'): NormaliseResult {
  try {
    return { ok: true, doc: readDoc(input) };
  } catch (error) {
    if (error instanceof NoteShapeError) {
      const { wording, path } = error;
      return { ok: false, message: typeof wording === 'string' ? wording : wording(subject), path };
    }
    throw error;
  }
}

function readDoc(input: unknown): NoteDoc {
  if (!isObject(input) || input.type !== 'doc') {
    throw new NoteShapeError((s) => `A ${s} must be a Tiptap document (an object with type "doc")`, []);
  }
  checkAttrs(input.attrs, ['attrs']);
  if (input.content === undefined || input.content === null) return { type: 'doc', content: [] };
  return { type: 'doc', content: readBlocks(input.content, ['content'], 1, 'the document', 0) };
}

function readContentArray(value: unknown, path: NotePath): unknown[] {
  if (!Array.isArray(value)) throw new NoteShapeError('"content" must be a list of nodes', path);
  return value;
}

function readBlocks(
  value: unknown,
  path: NotePath,
  depth: number,
  parent: Container,
  min: number,
): BlockNode[] {
  const items = readContentArray(value, path);
  if (items.length < min) {
    throw new NoteShapeError(`${capitalise(parent)} needs at least one paragraph`, path);
  }
  return items.map((item, index) => readBlock(item, [...path, index], depth, parent));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readNodeType(node: unknown, path: NotePath, depth: number): { node: JsonObject; type: string } {
  if (depth > MAX_NOTE_DEPTH) {
    throw new NoteShapeError(
      (s) => `The ${s} is nested too deeply (more than ${MAX_NOTE_DEPTH} levels)`,
      path,
    );
  }
  if (!isObject(node)) throw new NoteShapeError('Each node must be an object', path);
  if (typeof node.type !== 'string' || node.type === '') {
    throw new NoteShapeError('Each node needs a "type"', [...path, 'type']);
  }
  checkAttrs(node.attrs, [...path, 'attrs']);
  return { node, type: node.type };
}

function misplaced(type: string, parent: Container, path: NotePath): NoteShapeError {
  if (!KNOWN_NODE_TYPES.has(type)) {
    return new NoteShapeError(`Unsupported node type ${quote(type)}`, [...path, 'type']);
  }
  return new NoteShapeError(`A ${quote(type)} node cannot appear inside ${parent}`, [...path, 'type']);
}

function readBlock(value: unknown, path: NotePath, depth: number, parent: Container): BlockNode {
  const { node, type } = readNodeType(value, path, depth);
  const content = [...path, 'content'];
  switch (type) {
    case 'paragraph': {
      if (node.content === undefined || node.content === null) return { type: 'paragraph' };
      const inline = readContentArray(node.content, content).map((child, index) =>
        readInline(child, [...content, index], depth + 1),
      );
      return inline.length > 0 ? { type: 'paragraph', content: inline } : { type: 'paragraph' };
    }
    case 'blockquote':
      return { type: 'blockquote', content: readBlocks(node.content, content, depth + 1, 'a blockquote', 1) };
    case 'bulletList':
      return { type: 'bulletList', content: readListItems(node.content, content, depth + 1) };
    case 'orderedList': {
      const list: OrderedListNode = {
        type: 'orderedList',
        content: readListItems(node.content, content, depth + 1),
      };
      const start = isObject(node.attrs) ? node.attrs.start : undefined;
      // Tiptap always writes start: 1; only a different start is worth keeping.
      if (Number.isInteger(start) && start !== 1 && Math.abs(start as number) <= MAX_START) {
        list.attrs = { start: start as number };
      }
      return list;
    }
    default:
      throw misplaced(type, parent, path);
  }
}

function readListItems(value: unknown, path: NotePath, depth: number): ListItemNode[] {
  const items = readContentArray(value, path);
  if (items.length === 0) throw new NoteShapeError('A list needs at least one item', path);
  return items.map((item, index) => {
    const itemPath = [...path, index];
    const { node, type } = readNodeType(item, itemPath, depth);
    if (type !== 'listItem') throw misplaced(type, 'a list', itemPath);
    const content = readBlocks(node.content, [...itemPath, 'content'], depth + 1, 'a list item', 1);
    // Tiptap's list item schema is "paragraph block*"; anything else will not load.
    if (content[0].type !== 'paragraph') {
      throw new NoteShapeError('A list item must start with a paragraph', [...itemPath, 'content', 0]);
    }
    return { type: 'listItem', content };
  });
}

function readInline(value: unknown, path: NotePath, depth: number): InlineNode {
  const { node, type } = readNodeType(value, path, depth);
  if (type === 'hardBreak') return { type: 'hardBreak' };
  if (type !== 'text') throw misplaced(type, 'a paragraph', path);
  if (typeof node.text !== 'string' || node.text.length === 0) {
    throw new NoteShapeError('Text nodes need non-empty text', [...path, 'text']);
  }
  // PostgreSQL refuses NUL in text and jsonb, so such a note could never be saved.
  if (node.text.includes('\u0000')) {
    throw new NoteShapeError('Text must not contain NUL characters', [...path, 'text']);
  }
  const marks = readMarks(node.marks, [...path, 'marks']);
  return marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
}

function readMarks(value: unknown, path: NotePath): NoteMark[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new NoteShapeError('"marks" must be a list', path);
  const marks: NoteMark[] = [];
  value.forEach((mark, index) => {
    const markPath = [...path, index];
    if (!isObject(mark) || typeof mark.type !== 'string') {
      throw new NoteShapeError('Each mark must be an object with a "type"', markPath);
    }
    checkAttrs(mark.attrs, [...markPath, 'attrs']);
    const next = readMark(mark, mark.type, markPath);
    // ProseMirror refuses two marks of one type on the same text; keep the first.
    if (!marks.some((kept) => kept.type === next.type)) marks.push(next);
  });
  return marks.sort((a, b) => MARK_RANK.indexOf(a.type) - MARK_RANK.indexOf(b.type));
}

function readMark(mark: JsonObject, type: string, path: NotePath): NoteMark {
  if (SIMPLE_MARKS.has(type)) return { type: type as 'bold' | 'italic' | 'strike' | 'code' };
  if (type !== 'link') throw new NoteShapeError(`Unsupported mark type ${quote(type)}`, [...path, 'type']);
  const href = isObject(mark.attrs) ? mark.attrs.href : undefined;
  if (!isAllowedHref(href)) {
    throw new NoteShapeError('Links must be full http://, https:// or mailto: addresses without spaces', [
      ...path,
      'attrs',
      'href',
    ]);
  }
  return { type: 'link', attrs: { href } };
}

function checkAttrs(value: unknown, path: NotePath): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) throw new NoteShapeError('"attrs" must be an object', path);
  for (const [key, attr] of Object.entries(value)) {
    const simple = attr === null || ['string', 'number', 'boolean'].includes(typeof attr);
    if (!simple) {
      throw new NoteShapeError(`Attribute ${quote(key)} must be a string, number, boolean or null`, [
        ...path,
        key,
      ]);
    }
  }
}
