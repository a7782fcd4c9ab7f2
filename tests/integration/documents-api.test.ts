import { describe, expect, it } from 'vitest';
import { GET as listDocuments } from '@/app/api/v1/documents/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { call, signUp } from '../support/api';

describe('documents API', () => {
  it('lists the sample article for a signed-in reader', async () => {
    const ada = await signUp('Ada');
    const res = await call(listDocuments, 'GET', '/api/v1/documents', { user: ada });
    expect(res.status).toBe(200);
    expect(res.json.documents).toEqual([expect.objectContaining({ slug: 'face-time', title: 'Face Time' })]);
  });

  it('answers 401 with a typed error when signed out', async () => {
    const res = await call(listDocuments, 'GET', '/api/v1/documents');
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });

  it('returns the blocks of the current version by slug and by id', async () => {
    const ada = await signUp('Ada');
    const bySlug = await call(getDocument, 'GET', '/api/v1/documents/face-time', {
      user: ada,
      params: { id: 'face-time' },
    });
    expect(bySlug.status).toBe(200);
    const kinds = bySlug.json.blocks.map((b: { kind: string }) => b.kind);
    expect(kinds[0]).toBe('TITLE');
    expect(bySlug.json.blocks.find((b: { anchor: string }) => b.anchor === 'p-7').kind).toBe('PARAGRAPH');
    const byId = await call(getDocument, 'GET', '/x', { user: ada, params: { id: bySlug.json.document.id } });
    expect(byId.json.blocks).toEqual(bySlug.json.blocks);
  });

  it('answers 404 for an unknown document', async () => {
    const ada = await signUp('Ada');
    const res = await call(getDocument, 'GET', '/x', { user: ada, params: { id: 'no-such-article' } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NOT_FOUND');
  });
});
