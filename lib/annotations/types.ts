import type { NoteDoc } from '@/lib/notes';
import type { Target } from '@/lib/anchoring/types';

/** An annotation as the API returns it (and the reader's client holds it). */
export interface AnnotationView {
  id: string;
  documentId: string;
  documentVersion: number;
  target: Target;
  tags: string[];
  note: NoteDoc | null;
  noteText: string;
  author: { id: string; name: string };
  group: { id: string; name: string } | null;
  visibility: 'private' | 'group';
  status: 'ANCHORED' | 'REANCHORED' | 'ORPHANED';
  createdAt: string;
  updatedAt: string;
  /** optimistic-concurrency version; send it back with PATCH */
  version: number;
  replyCount: number;
  hidden: boolean;
  /** what the signed-in reader may do with it */
  can: { edit: boolean; delete: boolean; reply: boolean; hide: boolean };
}

export interface TagView {
  id: string;
  slug: string;
  name: string;
  color: string;
  underline: 'solid' | 'dotted' | 'dashed' | 'wavy' | 'double';
  groupId: string | null;
  retired: boolean;
}
