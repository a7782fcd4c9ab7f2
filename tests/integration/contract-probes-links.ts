// The contract probes of the argument links' operations (lib/openapi/link-operations.ts).
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as getArgument } from '@/app/api/v1/documents/[id]/argument/route';
import { GET as getDisagreements } from '@/app/api/v1/documents/[id]/disagreements/route';
import { GET as listLinks, POST as createLink } from '@/app/api/v1/documents/[id]/links/route';
import { GET as listRelations, POST as createRelation } from '@/app/api/v1/groups/[id]/relations/route';
import { PATCH as patchRelation } from '@/app/api/v1/groups/[id]/relations/[relationId]/route';
import { DELETE as deleteLink, PATCH as patchLink } from '@/app/api/v1/links/[id]/route';
import type { Answer, World } from './contract-probes';
import { hit } from './contract-probes';

/** Ada's new annotation, supporting Bob's, in the group. */
async function newLink(w: World, note = 'Backs it up') {
  const own = await w.annotate(w.ada);
  const res = await hit(createLink, 'POST', {
    user: w.ada,
    params: { id: 'face-time' },
    body: { fromId: own.id, toId: w.bobs.id, relation: 'supports', note, groupId: w.groupId },
  });
  return { res, id: (res.json as { link: { id: string } }).link.id };
}

async function newRelation(w: World, name: string) {
  const res = await hit(createRelation, 'POST', {
    user: w.ada,
    params: { id: w.groupId },
    body: { name, color: '#0f766e', line: 'dashed' },
  });
  return { res, id: (res.json as { relation: { id: string } }).relation.id };
}

export const linkProbes: Record<string, (w: World) => Promise<Answer>> = {
  'get /api/v1/documents/{id}/links': async (w) => {
    await newLink(w);
    return hit(listLinks, 'GET', { user: w.bob, params: { id: 'face-time' } });
  },
  'post /api/v1/documents/{id}/links': async (w) => (await newLink(w, 'A second reason')).res,
  'patch /api/v1/links/{id}': async (w) => {
    const { id } = await newLink(w);
    return hit(patchLink, 'PATCH', { user: w.ada, params: { id }, body: { relation: 'qualifies' } });
  },
  'delete /api/v1/links/{id}': async (w) => {
    const { id } = await newLink(w);
    return hit(deleteLink, 'DELETE', { user: w.ada, params: { id } });
  },
  'get /api/v1/groups/{id}/relations': async (w) => {
    await newRelation(w, 'Illustrates');
    return hit(listRelations, 'GET', { user: w.bob, params: { id: w.groupId } });
  },
  'post /api/v1/groups/{id}/relations': async (w) => (await newRelation(w, 'Echoes')).res,
  'patch /api/v1/groups/{id}/relations/{relationId}': async (w) => {
    const { id } = await newRelation(w, 'Undercuts');
    return hit(patchRelation, 'PATCH', {
      user: w.ada,
      params: { id: w.groupId, relationId: id },
      body: { name: 'Undermines', retired: true },
    });
  },
  'get /api/v1/documents/{id}/argument': async (w) => {
    await newLink(w);
    return hit(getArgument, 'GET', { user: w.ada, params: { id: 'face-time' }, query: { group: w.groupId } });
  },
  'get /api/v1/documents/{id}/disagreements': async (w) => {
    // Ada reads Bob's claim as evidence: one passage, two tags
    await hit(createAnnotation, 'POST', {
      user: w.ada,
      params: { id: 'face-time' },
      body: { target: w.target, tags: ['evidence'], groupId: w.groupId },
    });
    return hit(getDisagreements, 'GET', { user: w.ada, params: { id: 'face-time' } });
  },
};
