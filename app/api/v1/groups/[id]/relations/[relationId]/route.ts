import { relationParamsSchema as params, updateRelationSchema } from '@/lib/links/schemas';
import { withReader } from '@/lib/server/api';
import { updateGroupRelation } from '@/lib/server/dal/relation-types';

/** Rename, restyle, retire (`retired: true`) or restore a group's relation type. */
export const PATCH = withReader({ params, body: updateRelationSchema }, async ({ reader, params, body }) => ({
  relation: await updateGroupRelation(reader, params.id, params.relationId, body),
}));
