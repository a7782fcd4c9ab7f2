import { updateTagSchema } from '@/lib/groups/schemas';
import { withReader } from '@/lib/server/api';
import { updateGroupTag } from '@/lib/server/dal/group-tags';
import { tagParams as params } from '../../params';

/** Rename, restyle, retire (`retired: true`) or restore a group tag. */
export const PATCH = withReader({ params, body: updateTagSchema }, async ({ reader, params, body }) => ({
  tag: await updateGroupTag(reader, params.id, params.tagId, body),
}));
