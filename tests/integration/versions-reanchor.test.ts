// Revising the sample article with real edits: every annotation follows its text, or is
// kept as an orphan, and the annotations API says which.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as listVersions, POST as reviseDocument } from '@/app/api/v1/documents/[id]/versions/route';
import { db } from '@/lib/server/db';
import { makeAdministrator } from '../support/articles';
import { call, signUp, type TestUser } from '../support/api';

const SAMPLE = readFileSync(new URL('../../lib/articles/fixtures/face-time.txt', import.meta.url), 'utf8');

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

type Block = { anchor: string; kind: string; text: string };
type Annotation = {
  id: string;
  status: string;
  documentVersion: number;
  target: { start: { block: string; offset: number }; end: { block: string; offset: number }; exact: string };
};

async function blocksOf(user: TestUser, query?: Record<string, string>): Promise<Block[]> {
  const res = await call(getDocument, 'GET', '/api/v1/documents/face-time', {
    user,
    params: { id: 'face-time' },
    query,
  });
  expect(res.status).toBe(200);
  return res.json.blocks;
}

async function annotate(user: TestUser, blocks: Block[], anchor: string, quote: string): Promise<string> {
  const offset = blocks.find((b) => b.anchor === anchor)!.text.indexOf(quote);
  expect(offset, `${quote} in ${anchor}`).toBeGreaterThanOrEqual(0);
  const target = {
    start: { block: anchor, offset },
    end: { block: anchor, offset: offset + quote.length },
    exact: quote,
  };
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id: 'face-time' },
    body: { target, tags: ['claim'] },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.annotation.id;
}

async function annotationsOf(
  user: TestUser,
  query?: Record<string, string>,
): Promise<Map<string, Annotation>> {
  const res = await call(listAnnotations, 'GET', '/x', { user, params: { id: 'face-time' }, query });
  expect(res.status).toBe(200);
  return new Map(res.json.annotations.map((a: Annotation) => [a.id, a]));
}

function revise(user: TestUser, text: string) {
  return call(reviseDocument, 'POST', '/api/v1/documents/face-time/versions', {
    user,
    params: { id: 'face-time' },
    body: { text, format: 'text' },
  });
}

/** An administrator who also facilitates a seminar: only an administrator may revise the
 * public sample article. */
async function facilitator(name: string): Promise<TestUser> {
  const user = makeAdministrator(await signUp(name));
  await db.group.create({
    data: {
      name: `${name}'s seminar`,
      createdById: user.id,
      memberships: { create: { userId: user.id, role: 'FACILITATOR' } },
    },
  });
  return user;
}

/** Where a quote sits in the current version, for comparing with a re-anchored target. */
function locate(blocks: Block[], quote: string) {
  const block = blocks.find((b) => b.text.includes(quote))!;
  return { block: block.anchor, offset: block.text.indexOf(quote) };
}

describe('revising the sample article', () => {
  it('re-anchors annotations through a typo fix, an inserted sentence, a deleted and a split paragraph, then brings an orphan back', async () => {
    const fay = await facilitator('Fay');
    const ada = await signUp('Ada');
    const v1 = await blocksOf(fay);

    const unchanged = await annotate(fay, v1, 'p-1', 'senior military leaders of China and the US');
    const typo = await annotate(
      fay,
      v1,
      'p-5',
      'announced on August 5, 2022 the cancelation of several key military engagements',
    );
    const inserted = await annotate(
      fay,
      v1,
      'p-3',
      'continuous communication and interaction at lower working levels',
    );
    const deleted = await annotate(fay, v1, 'p-4', 'a direct cause of this prolonged downturn');
    const splitFirst = await annotate(
      fay,
      v1,
      'p-7',
      'the three major barriers for bilateral military exchanges',
    );
    const splitSecond = await annotate(fay, v1, 'p-7', 'a more prominent strategic or structural barrier');
    const adasPrivate = await annotate(ada, v1, 'p-2', 'the weakest link of the China-US relationship');

    const p4 = v1.find((b) => b.anchor === 'p-4')!.text;
    const sentence = 'Both sides quietly kept some channels open. ';
    let revised = replaceOnce(SAMPLE, 'the cancelation of several', 'the cancellation of several');
    revised = replaceOnce(revised, 'is not accurate. Despite', `is not accurate. ${sentence}Despite`);
    revised = replaceOnce(revised, `${p4}  \n\n`, '');
    revised = replaceOnce(
      revised,
      'against China. Now, as the bilateral',
      'against China.\n\nNow, as the bilateral',
    );

    const res = await revise(fay, revised);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.version).toMatchObject({ number: 2, title: 'Face Time', current: true });
    expect(res.json.document).toMatchObject({ slug: 'face-time', version: 2 });
    // Ada's private annotation is re-anchored too, but Fay cannot know it exists.
    expect(res.json.summary).toEqual({ anchored: 2, reanchored: 3, orphaned: 1 });

    const v2 = await blocksOf(fay);
    expect(v2.map((b) => b.anchor)).not.toContain('p-4');
    const newParagraph = v2.find((b) => b.text.startsWith('Now, as the bilateral'))!;
    expect(newParagraph.anchor).toBe('p-25'); // above every paragraph number ever used
    expect(v2.find((b) => b.anchor === 'p-7')!.text).toMatch(/against China\.$/);

    const after = await annotationsOf(fay);
    expect(after.get(unchanged)).toMatchObject({
      status: 'ANCHORED',
      documentVersion: 2,
      target: { start: { block: 'p-1' }, exact: 'senior military leaders of China and the US' },
    });
    expect(after.get(typo)).toMatchObject({
      status: 'REANCHORED',
      documentVersion: 2,
      target: {
        start: locate(v2, 'announced on August 5'),
        exact: 'announced on August 5, 2022 the cancellation of several key military engagements',
      },
    });
    expect(after.get(inserted)).toMatchObject({
      status: 'REANCHORED',
      target: {
        start: locate(v2, 'continuous communication'),
        exact: 'continuous communication and interaction at lower working levels',
      },
    });
    expect(after.get(inserted)!.target.start).toEqual({
      block: 'p-3',
      offset: v1.find((b) => b.anchor === 'p-3')!.text.indexOf('continuous') + sentence.length,
    });
    expect(after.get(splitFirst)).toMatchObject({
      status: 'ANCHORED',
      target: { start: { block: 'p-7' }, exact: 'the three major barriers for bilateral military exchanges' },
    });
    expect(after.get(splitSecond)).toMatchObject({
      status: 'REANCHORED',
      target: {
        start: locate(v2, 'a more prominent strategic'),
        end: { block: 'p-25' },
        exact: 'a more prominent strategic or structural barrier',
      },
    });
    // The orphan is still listed, last, with its text in the version it came from.
    expect([...after.keys()].at(-1)).toBe(deleted);
    expect(after.get(deleted)).toMatchObject({
      status: 'ORPHANED',
      documentVersion: 1,
      target: { start: { block: 'p-4' }, exact: 'a direct cause of this prolonged downturn' },
    });
    expect([...(await annotationsOf(fay, { status: 'orphaned' })).keys()]).toEqual([deleted]);
    expect((await blocksOf(fay, { version: '1' })).find((b) => b.anchor === 'p-4')!.text).toBe(p4);

    expect((await annotationsOf(ada)).get(adasPrivate)).toMatchObject({
      status: 'ANCHORED',
      documentVersion: 2,
      target: { start: { block: 'p-2' } },
    });

    // Version 3 restores the original text: the orphan's quote is back, and it follows it.
    const back = await revise(fay, SAMPLE);
    expect(back.status).toBe(201);
    expect(back.json.summary).toEqual({ anchored: 2, reanchored: 4, orphaned: 0 });
    const v3 = await blocksOf(fay);
    const restored = await annotationsOf(fay);
    expect(restored.get(deleted)).toMatchObject({
      status: 'REANCHORED',
      documentVersion: 3,
      target: {
        start: locate(v3, 'a direct cause of this'),
        exact: 'a direct cause of this prolonged downturn',
      },
    });
    expect(locate(v3, 'a direct cause of this').block).toBe('p-26'); // p-4 was used once: a restored paragraph is new
    expect(restored.get(splitSecond)).toMatchObject({
      status: 'REANCHORED',
      target: { start: { block: 'p-7' } },
    });
    expect(restored.get(typo)!.target.exact).toBe(
      'announced on August 5, 2022 the cancelation of several key military engagements',
    );
    expect(restored.get(unchanged)).toMatchObject({ status: 'ANCHORED', documentVersion: 3 });

    const versions = await call(listVersions, 'GET', '/x', { user: ada, params: { id: 'face-time' } });
    expect(
      versions.json.versions.map((v: { number: number; current: boolean }) => [v.number, v.current]),
    ).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);

    const again = await revise(fay, SAMPLE);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('This version is identical to the current one.');
  });

  it('bumps the rev of each moved annotation, so a stale edit is refused', async () => {
    const fay = await facilitator('Fay');
    const blocks = await blocksOf(fay);
    const id = await annotate(fay, blocks, 'p-12', 'fails to consider the situation');
    const before = (await annotationsOf(fay)).get(id)!;
    const p12 = blocks.find((b) => b.anchor === 'p-12')!.text;
    const current = await call(getDocument, 'GET', '/x', { user: fay, params: { id: 'face-time' } });
    const text = current.json.blocks
      .map((b: Block) => (b.anchor === 'p-12' ? `Sadly, ${p12}` : b.text))
      .join('\n\n');
    const res = await revise(fay, text);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const after = (await annotationsOf(fay)).get(id) as Annotation & { rev: number };
    expect(after.status).toBe('REANCHORED');
    expect(after.rev).toBe((before as Annotation & { rev: number }).rev + 1);
  });
});
