import type { TagView } from '@/lib/annotations/types';
import type { GroupRole } from './schemas';

/** One of the reader's groups, as listed on /groups and by GET /api/v1/groups. */
export interface GroupSummary {
  id: string;
  name: string;
  /** the signed-in reader's role */
  role: GroupRole;
  memberCount: number;
  createdAt: string;
}

export interface GroupMemberView {
  userId: string;
  name: string;
  role: GroupRole;
  joinedAt: string;
  /** the signed-in reader */
  you: boolean;
}

export interface GroupDocumentView {
  id: string;
  slug: string;
  title: string;
  /** annotations shared with this group on the document */
  annotationCount: number;
}

export interface GroupDetail extends GroupSummary {
  revealAfter: number;
  /** only facilitators see the code; null once revoked */
  inviteCode?: string | null;
  members: GroupMemberView[];
  documents: GroupDocumentView[];
  tags: TagView[];
}
