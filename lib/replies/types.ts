import type { NoteDoc } from '@/lib/notes';

/** A reply as the API returns it. A reply hidden by a facilitator keeps its place in
 * the thread; for other members its body is withheld (null, bodyText ''). */
export interface ReplyView {
  id: string;
  annotationId: string;
  author: { id: string; name: string };
  body: NoteDoc | null;
  bodyText: string;
  createdAt: string;
  updatedAt: string;
  hidden: boolean;
  /** what the signed-in reader may do with it */
  can: { edit: boolean; delete: boolean; hide: boolean };
}
