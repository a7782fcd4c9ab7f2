import type { AnnotationView } from '@/lib/annotations/types';
import type { NoteDoc } from '@/lib/notes';

export interface ExportReply {
  id: string;
  authorName: string;
  bodyText: string;
  bodyDoc: NoteDoc | null;
  created: Date;
  updated: Date;
  hidden: boolean;
}

/** One annotation as the export cursor yields it, already filtered for the caller's rights. */
export interface ExportAnnotation {
  id: string; // uuid
  document: { id: string; slug: string; title: string; version: number };
  paragraph: string; // start block anchor e.g. "p-7"
  paragraphLabel: string; // e.g. "¶7" (or "Title", "Heading", "Caption 1"; "¶1–2" across blocks)
  start: { block: string; offset: number };
  end: { block: string; offset: number };
  // The selectors are in the page text (the reader page's <article> text: the blocks joined
  // by one "\n"), see lib/export/page-text.ts. Context of a one-block target stays in its block.
  position: { start: number; end: number }; // code points in the page text
  exact: string;
  prefix: string;
  suffix: string;
  tags: string[]; // tag slugs e.g. ["claim","framing"]
  noteText: string;
  noteDoc: NoteDoc | null;
  author: { id: string; name: string };
  group: { id: string; name: string } | null;
  visibility: AnnotationView['visibility'];
  status: AnnotationView['status'];
  created: Date;
  updated: Date;
  replies: ExportReply[];
}

export interface ExportContext {
  baseUrl: string;
  generatedAt: Date;
  documentTitle: string;
  total?: number;
}
