// Hostile input gets a typed 4xx, never a 500: NUL and lone surrogates anywhere in a JSON
// body, a query or a path (one rule: refused with the field's path), odd Origins, oversized
// bodies (API and sign-up), names over 80 characters, and the database's own CHECKs.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { POST as createTag } from '@/app/api/v1/groups/[id]/tags/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { POST as importDocument } from '@/app/api/v1/documents/route';
import { POST as reviseDocument } from '@/app/api/v1/documents/[id]/versions/route';
import { GET as getAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { db } from '@/lib/server/db';
import { BASE, call, signUp, type TestUser } from '../support/api';

let ada: TestUser;
beforeAll(async () => {
  ada = await signUp('Ada');
});

const noteWith = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const target = { start: { block: 'p-1', offset: 0 }, end: { block: 'p-1', offset: 4 }, exact: 'Face' };

function expectRefusedText(
  res: { status: number; json: { error: { code: string; fields: Record<string, string> } } },
  field: string,
) {
  expect(res.status).toBe(400);
  expect(res.json.error.code).toBe('VALIDATION_FAILED');
  expect(res.json.error.fields[field]).toMatch(/NUL character or an unpaired UTF-16 surrogate/);
}

describe('the text rule', () => {
  it('refuses a lone surrogate in note text, naming its path', async () => {
    const res = await call(createAnnotation, 'POST', '/x', {
      user: ada,
      params: { id: 'face-time' },
      body: { target, tags: ['claim'], note: noteWith('half \ud800 a pair') },
    });
    expectRefusedText(res, 'note.content.0.content.0.text');
  });

  it('refuses NUL in group names, tag names, article titles and revision text', async () => {
    expectRefusedText(
      await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Seminar\u0000' } }),
      'name',
    );
    const group = await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'Seminar' } });
    expect(group.status).toBe(201);
    expectRefusedText(
      await call(createTag, 'POST', '/x', {
        user: ada,
        params: { id: group.json.group.id },
        body: { name: 'Tag\u0000', color: '#123456', underline: 'solid' },
      }),
      'name',
    );
    expectRefusedText(
      await call(importDocument, 'POST', '/x', {
        user: ada,
        body: { text: 'A paragraph of text.', format: 'text', title: 'Title \u0000' },
      }),
      'title',
    );
    expectRefusedText(
      await call(reviseDocument, 'POST', '/x', {
        user: ada,
        params: { id: 'face-time' },
        body: { text: 'Revised \udfff text.', format: 'text' },
      }),
      'text',
    );
  });

  it('refuses NUL in query filters and path ids before any query runs', async () => {
    for (const query of [{ q: 'a\u0000b' }, { reader: '\u0000' }] as Record<string, string>[]) {
      const res = await call(listAnnotations, 'GET', '/x', { user: ada, params: { id: 'face-time' }, query });
      expectRefusedText(res, `query.${Object.keys(query)[0]}`);
    }
    const res = await call(getAnnotation, 'GET', '/x', { user: ada, params: { id: '\u0000' } });
    expectRefusedText(res, 'params.id');
  });

  it('answers malformed JSON and deep nesting with 400', async () => {
    const bad = await call(createGroup, 'POST', '/x', { user: ada, body: '{"name": "x' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('BAD_REQUEST');
    const deep = await call(createAnnotation, 'POST', '/x', {
      user: ada,
      params: { id: 'face-time' },
      body: `{"target":1,"tags":["claim"],"note":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    });
    expect(deep.status).toBe(400);
    expect(deep.json.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('origins', () => {
  it('refuses Origin: null and non-URL origins on a POST with a typed 400', async () => {
    for (const origin of ['null', 'not a url', 'http://evil.example']) {
      const res = await call(createGroup, 'POST', '/x', {
        user: ada,
        body: { name: 'Seminar' },
        headers: { origin, host: '127.0.0.1:3000' },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BAD_REQUEST');
    }
  });
});

function authRequest(path: string, body: string, headers: Record<string, string> = {}) {
  return new Request(new URL(path, BASE), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE, ...headers },
    body,
  });
}

describe('sign-up', () => {
  const email = () => `x-${Math.random().toString(36).slice(2)}@example.org`;

  it('refuses a display name over 80 characters, and keeps 80', async () => {
    const long = await authPost(
      authRequest(
        '/api/auth/sign-up/email',
        JSON.stringify({ name: 'x'.repeat(81), email: email(), password: 'correct horse battery' }),
      ),
    );
    expect(long.status).toBe(400);
    expect(await long.text()).toMatch(/at most 80 characters/);
    const ok = await authPost(
      authRequest(
        '/api/auth/sign-up/email',
        JSON.stringify({ name: 'x'.repeat(80), email: email(), password: 'correct horse battery' }),
      ),
    );
    expect(ok.status).toBe(200);
  });

  it('refuses a body over 8 KB with 413 before better-auth sees it', async () => {
    const body = JSON.stringify({
      name: 'x'.repeat(20_000),
      email: email(),
      password: 'correct horse battery',
    });
    const res = await authPost(authRequest('/api/auth/sign-up/email', body));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses NUL in a name with the typed error', async () => {
    const res = await authPost(
      authRequest(
        '/api/auth/sign-up/email',
        JSON.stringify({ name: 'A\u0000', email: email(), password: 'correct horse battery' }),
      ),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.name).toMatch(/NUL/);
  });
});

describe('the database holds the limits too', () => {
  it('refuses a user name over 80 and a title over 300 characters', async () => {
    await expect(db.user.update({ where: { id: ada.id }, data: { name: 'y'.repeat(81) } })).rejects.toThrow();
    await expect(
      db.document.updateMany({ where: { slug: 'face-time' }, data: { title: 't'.repeat(301) } }),
    ).rejects.toThrow();
    await expect(db.group.create({ data: { name: 'g'.repeat(81), createdById: ada.id } })).rejects.toThrow();
  });

  it('turns a value PostgreSQL refuses into a 400, not a 500', async () => {
    const res = await call(createGroup, 'POST', '/x', { user: ada, body: { name: 'g'.repeat(100) } });
    expect(res.status).toBe(400);
  });
});
