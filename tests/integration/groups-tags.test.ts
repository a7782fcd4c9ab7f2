import { describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as getGroup } from '@/app/api/v1/groups/[id]/route';
import { GET as listTags, POST as createTag } from '@/app/api/v1/groups/[id]/tags/route';
import { PATCH as patchTag } from '@/app/api/v1/groups/[id]/tags/[tagId]/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import { POST as createAnnotation } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as getAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { call, signUp, type TestUser } from '../support/api';

async function seminar() {
  const [ada, bo, eve] = await Promise.all([signUp('Ada'), signUp('Bo'), signUp('Eve')]);
  const group = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Tagging seminar' } })).json
    .group;
  await call(joinGroup, 'POST', '/x', { user: bo, body: { code: group.inviteCode } });
  return { ada, bo, eve, group: group as { id: string } };
}

const addTag = (user: TestUser, groupId: string, body: unknown) =>
  call(createTag, 'POST', '/x', { user, params: { id: groupId }, body });
const editTag = (user: TestUser, groupId: string, tagId: string, body: unknown) =>
  call(patchTag, 'PATCH', '/x', { user, params: { id: groupId, tagId }, body });

async function annotate(user: TestUser, tags: string[], groupId?: string) {
  const doc = await call(getDocument, 'GET', '/x', { user, params: { id: 'face-time' } });
  const block = doc.json.blocks.find((b: { anchor: string }) => b.anchor === 'p-2');
  const target = {
    start: { block: 'p-2', offset: 0 },
    end: { block: 'p-2', offset: 24 },
    exact: block.text.slice(0, 24),
  };
  return call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: { target, tags, groupId },
  });
}

describe('group tags', () => {
  it('lets a facilitator add a styled tag whose slug comes from its name', async () => {
    const { ada, bo, group } = await seminar();
    const res = await addTag(ada, group.id, { name: 'Open question', color: '#1D4ED8', underline: 'dotted' });
    expect(res.status).toBe(201);
    expect(res.json.tag).toEqual({
      id: expect.any(String),
      slug: 'open-question',
      name: 'Open question',
      color: '#1d4ed8',
      underline: 'dotted',
      groupId: group.id,
      retired: false,
    });
    const listed = await call(listTags, 'GET', '/x', { user: bo, params: { id: group.id } });
    expect(listed.json.tags.map((t: { slug: string }) => t.slug)).toEqual(['open-question']);
    expect(
      (await call(getGroup, 'GET', '/x', { user: bo, params: { id: group.id } })).json.group.tags,
    ).toHaveLength(1);
  });

  it('refuses duplicate names (however written) and default tag names with a 409 field error', async () => {
    const { ada, group } = await seminar();
    await addTag(ada, group.id, { name: 'Open question', color: '#1d4ed8' });
    for (const name of ['open  QUESTION', 'Open-question', 'Claim']) {
      const res = await addTag(ada, group.id, { name, color: '#123456' });
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('CONFLICT');
      expect(res.json.error.fields.name).toMatch(/already has a tag|default tags/);
    }
    const bad = await addTag(ada, group.id, { name: 'Colourless', color: 'blue', underline: 'zigzag' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['color', 'underline']);
  });

  it('keeps tags to their group: members may use them, private notes and other groups may not', async () => {
    const { ada, bo, eve, group } = await seminar();
    await addTag(ada, group.id, { name: 'Open question', color: '#1d4ed8' });
    const shared = await annotate(bo, ['claim', 'open-question'], group.id);
    expect(shared.status).toBe(201);
    expect(shared.json.annotation.tags).toEqual(['claim', 'open-question']);
    expect((await annotate(bo, ['open-question'])).json.error.fields.tags).toMatch(
      /Unknown tag: open-question/,
    );
    const eveGroup = (await call(createGroup, 'POST', '/x', { user: eve, body: { name: 'Elsewhere' } })).json
      .group;
    expect((await annotate(eve, ['open-question'], eveGroup.id)).status).toBe(400);
  });

  it('retires a tag: it stays on existing notes but cannot be chosen again until restored', async () => {
    const { ada, bo, group } = await seminar();
    const tag = (await addTag(ada, group.id, { name: 'Open question', color: '#1d4ed8' })).json.tag;
    const before = (await annotate(bo, ['open-question'], group.id)).json.annotation;

    const retired = await editTag(ada, group.id, tag.id, { retired: true });
    expect(retired.json.tag.retired).toBe(true);
    const refused = await annotate(bo, ['open-question'], group.id);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toMatch(/Unknown tag: open-question/);
    const kept = await call(getAnnotation, 'GET', '/x', { user: bo, params: { id: before.id } });
    expect(kept.json.annotation.tags).toEqual(['open-question']);

    expect((await editTag(ada, group.id, tag.id, { retired: false })).json.tag.retired).toBe(false);
    expect((await annotate(bo, ['open-question'], group.id)).status).toBe(201);
  });

  it('renames and restyles a tag; the slug follows the new name', async () => {
    const { ada, group } = await seminar();
    const tag = (await addTag(ada, group.id, { name: 'Question', color: '#1d4ed8' })).json.tag;
    await addTag(ada, group.id, { name: 'Tension', color: '#be123c' });
    const res = await editTag(ada, group.id, tag.id, {
      name: 'Open question',
      underline: 'double',
      color: '#0F766E',
    });
    expect(res.json.tag).toMatchObject({
      slug: 'open-question',
      name: 'Open question',
      underline: 'double',
      color: '#0f766e',
    });
    const clash = await editTag(ada, group.id, tag.id, { name: 'tension' });
    expect(clash.status).toBe(409);
    expect(clash.json.error.fields.name).toMatch(/already has a tag called “Tension”/);
    expect((await editTag(ada, group.id, tag.id, { name: 'Open question' })).status).toBe(200);
  });

  it('answers 403 to members and 404 to outsiders and for tags of another group', async () => {
    const { ada, bo, eve, group } = await seminar();
    const tag = (await addTag(ada, group.id, { name: 'Question', color: '#1d4ed8' })).json.tag;
    expect((await addTag(bo, group.id, { name: 'Mine', color: '#1d4ed8' })).status).toBe(403);
    expect((await editTag(bo, group.id, tag.id, { retired: true })).status).toBe(403);
    expect((await addTag(eve, group.id, { name: 'Mine', color: '#1d4ed8' })).status).toBe(404);
    expect((await editTag(eve, group.id, tag.id, { retired: true })).status).toBe(404);
    expect((await call(listTags, 'GET', '/x', { user: eve, params: { id: group.id } })).status).toBe(404);
    const other = (await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Other' } })).json.group;
    expect((await editTag(ada, other.id, tag.id, { retired: true })).status).toBe(404);
    expect((await editTag(ada, group.id, 'nope', { retired: true })).status).toBe(404);
  });
});
