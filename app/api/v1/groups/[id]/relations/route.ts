import { createRelationSchema } from '@/lib/links/schemas';
import { json, withReader } from '@/lib/server/api';
import { createGroupRelation, listGroupRelations } from '@/lib/server/dal/relation-types';
import { groupParams as params } from '../params';

export const GET = withReader({ params }, async ({ reader, params }) => ({
  relations: await listGroupRelations(reader, params.id),
}));

export const POST = withReader({ params, body: createRelationSchema }, async ({ reader, params, body }) =>
  json({ relation: await createGroupRelation(reader, params.id, body) }, 201),
);
