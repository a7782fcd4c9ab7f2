// The contract probes of an annotation and a reply at their W3C IRIs, under the document's
// container (lib/openapi/w3c-operations.ts).
import * as contained from '@/app/api/v1/w3c/documents/[id]/[annotationId]/route';
import { GET as getContainedReply } from '@/app/api/v1/w3c/documents/[id]/[annotationId]/replies/[replyId]/route';
import { call } from '../support/api';
import type { Answer, World } from './contract-probes';
import { hit } from './contract-probes';

const JSON_LD = { accept: 'application/ld+json' };

async function replaceAtIri(w: World): Promise<Answer> {
  const own = await w.annotate(w.ada);
  const params = { id: 'face-time', annotationId: own.id };
  const read = await call(contained.GET, 'GET', '/x', { user: w.ada, params, headers: JSON_LD });
  const res = await call(contained.PUT, 'PUT', '/x', {
    user: w.ada,
    params,
    body: read.json,
    headers: { 'if-match': read.headers.get('etag') ?? '', 'content-type': 'application/ld+json' },
  });
  return { status: res.status, json: res.json, contentType: res.headers.get('content-type') ?? '' };
}

export const w3cProbes: Record<string, (w: World) => Promise<Answer>> = {
  'get /api/v1/w3c/documents/{id}/{annotationId}': (w) =>
    hit(contained.GET, 'GET', {
      user: w.bob,
      params: { id: 'face-time', annotationId: w.bobs.id },
      headers: JSON_LD,
    }),
  'put /api/v1/w3c/documents/{id}/{annotationId}': (w) => replaceAtIri(w),
  'delete /api/v1/w3c/documents/{id}/{annotationId}': async (w) => {
    const own = await w.annotate(w.ada);
    return hit(contained.DELETE, 'DELETE', {
      user: w.ada,
      params: { id: 'face-time', annotationId: own.id },
    });
  },
  'get /api/v1/w3c/documents/{id}/{annotationId}/replies/{replyId}': (w) =>
    hit(getContainedReply, 'GET', {
      user: w.bob,
      params: { id: 'face-time', annotationId: w.bobs.id, replyId: w.bobsReply.id },
      headers: JSON_LD,
    }),
};
