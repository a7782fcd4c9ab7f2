// Annotating the sample article through the API's own routes, for the integration tests that
// need annotations in particular places (the list's pages, the highlights payload).
import { expect } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { call, type TestUser } from './api';

export type SampleBlock = { anchor: string; text: string };

/** The sample article's blocks as `user` reads them. */
export async function sampleBlocks(user: TestUser): Promise<SampleBlock[]> {
  return (await call(getDocument, 'GET', '/x', { user, params: { id: 'face-time' } })).json.blocks;
}

/** Annotates `block`'s text from `from` to `to` as `user` (private without `groupId`); its id. */
export async function annotateSpan(
  user: TestUser,
  block: SampleBlock,
  span: { from: number; to: number },
  tags: string[],
  groupId?: string,
): Promise<string> {
  const target = {
    start: { block: block.anchor, offset: span.from },
    end: { block: block.anchor, offset: span.to },
    exact: block.text.slice(span.from, span.to),
  };
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: { target, tags, groupId },
  });
  expect(res.status).toBe(201);
  return res.json.annotation.id as string;
}
