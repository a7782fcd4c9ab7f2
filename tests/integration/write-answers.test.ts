// Answers to writes carry `Cache-Control: no-transform`, so `next start` sends them as they are
// instead of gzipping a ~1 KB body on the request's path (ADR 0023); reads keep compression.
import { describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { DELETE as deleteAnnotation, PATCH as editAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { call, signUp } from '../support/api';

describe('write answers', () => {
  it('are marked no-transform, success or error; reads are not', async () => {
    const ada = await signUp('Ada');
    const block = (
      (await call(getDocument, 'GET', '/x', { user: ada, params: { id: 'face-time' } })).json.blocks as {
        anchor: string;
        text: string;
      }[]
    )[1];
    const target = {
      start: { block: block.anchor, offset: 0 },
      end: { block: block.anchor, offset: 10 },
      exact: block.text.slice(0, 10),
    };
    const params = { id: 'face-time' };
    const created = await call(createAnnotation, 'POST', '/x', {
      user: ada,
      params,
      body: { target, tags: ['claim'] },
    });
    expect(created.status).toBe(201);
    const id = created.json.annotation.id as string;
    const edited = await call(editAnnotation, 'PATCH', '/x', {
      user: ada,
      params: { id },
      body: { rev: created.json.annotation.rev, tags: ['framing'] },
    });
    expect(edited.status).toBe(200);
    const refused = await call(createAnnotation, 'POST', '/x', { user: ada, params, body: { target } });
    expect(refused.status).toBe(400);
    const deleted = await call(deleteAnnotation, 'DELETE', '/x', { user: ada, params: { id } });
    expect(deleted.status).toBe(204);
    for (const res of [created, edited, refused])
      expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(deleted.headers.get('cache-control')).toBe('no-transform'); // no body at all
    const listed = await call(listAnnotations, 'GET', '/x', { user: ada, params });
    expect(listed.headers.get('cache-control')).toBe('no-store');
  });
});
