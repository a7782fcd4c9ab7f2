// Reading an earlier version: its annotations are shown where they were in it, even after
// a revision moved them on or orphaned them, and only to readers who may see them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POST as importDocument } from '@/app/api/v1/documents/route';
import { GET as getDocument } from '@/app/api/v1/documents/[id]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { POST as reviseDocument } from '@/app/api/v1/documents/[id]/versions/route';
import { call, signUp, type TestUser } from '../support/api';
import { putOnReadingList } from '../support/articles';
import { makeGroup } from './export-fixtures';

const SAMPLE = readFileSync(new URL('../../lib/articles/fixtures/face-time.txt', import.meta.url), 'utf8');

type Block = { anchor: string; kind: string; text: string };
type Target = {
  start: { block: string; offset: number };
  end: { block: string; offset: number };
  exact: string;
};
type Annotation = { id: string; status: string; documentVersion: number; target: Target };

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

async function blocksOf(user: TestUser, id: string): Promise<Block[]> {
  const res = await call(getDocument, 'GET', `/api/v1/documents/${id}`, { user, params: { id } });
  expect(res.status, res.text).toBe(200);
  return res.json.blocks;
}

function targetIn(blocks: Block[], quote: string): Target {
  const block = blocks.find((b) => b.text.includes(quote))!;
  const offset = block.text.indexOf(quote);
  return {
    start: { block: block.anchor, offset },
    end: { block: block.anchor, offset: offset + quote.length },
    exact: quote,
  };
}

async function annotate(user: TestUser, id: string, target: Target, groupId?: string): Promise<string> {
  const res = await call(createAnnotation, 'POST', '/x', {
    user,
    params: { id },
    body: { target, tags: ['claim'], groupId },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.annotation.id;
}

async function annotationsAt(user: TestUser, id: string, version?: string) {
  const res = await call(listAnnotations, 'GET', '/x', {
    user,
    params: { id },
    query: version ? { version } : {},
  });
  return {
    status: res.status,
    json: res.json,
    byId: new Map<string, Annotation>((res.json.annotations ?? []).map((a: Annotation) => [a.id, a])),
  };
}

describe('reading an earlier version with its annotations', () => {
  it('shows annotations where they were in version 1 after a revision moved one and orphaned another', async () => {
    const ada = await signUp('Ada');
    const bo = await signUp('Bo');
    const group = await makeGroup('Seminar', ada, [bo]);
    const imported = await call(importDocument, 'POST', '/api/v1/documents', {
      user: ada,
      body: { text: SAMPLE, format: 'text' },
    });
    expect(imported.status, imported.text).toBe(201);
    const id: string = imported.json.document.id;
    await putOnReadingList(group.id, id); // Bo reads it as a member of Ada's seminar
    const v1 = await blocksOf(ada, id);

    const movedQuote = 'continuous communication and interaction at lower working levels';
    const orphanQuote = 'a direct cause of this prolonged downturn';
    const movedAt1 = targetIn(v1, movedQuote);
    const orphanAt1 = targetIn(v1, orphanQuote);
    const moved = await annotate(ada, id, movedAt1, group.id);
    const orphan = await annotate(ada, id, orphanAt1);
    const bosPrivate = await annotate(bo, id, targetIn(v1, 'the weakest link of the China-US relationship'));

    const deletedParagraph = v1.find((b) => b.anchor === orphanAt1.start.block)!.text;
    const sentence = 'Both sides quietly kept some channels open. ';
    let revised = replaceOnce(SAMPLE, 'is not accurate. Despite', `is not accurate. ${sentence}Despite`);
    revised = replaceOnce(revised, `${deletedParagraph}  \n\n`, '');
    const revision = await call(reviseDocument, 'POST', `/api/v1/documents/${id}/versions`, {
      user: ada,
      params: { id },
      body: { text: revised, format: 'text' },
    });
    expect(revision.status, revision.text).toBe(201);
    expect(revision.json.summary).toMatchObject({ reanchored: 1, orphaned: 1 });

    const v2 = await blocksOf(ada, id);
    const movedAt2 = targetIn(v2, movedQuote);
    expect(movedAt2.start.offset).toBe(movedAt1.start.offset + sentence.length);

    // Version 1 reads as it did before the revision.
    const atV1 = await annotationsAt(ada, id, '1');
    expect(atV1.status, atV1.json && JSON.stringify(atV1.json)).toBe(200);
    expect([...atV1.byId.keys()].sort()).toEqual([moved, orphan].sort());
    expect(atV1.byId.get(moved)).toMatchObject({ documentVersion: 1, status: 'ANCHORED', target: movedAt1 });
    expect(atV1.byId.get(orphan)).toMatchObject({
      documentVersion: 1,
      status: 'ANCHORED',
      target: orphanAt1,
    });

    // Version 2 has the moved annotation at its new place, and no trace of the orphan there.
    const atV2 = await annotationsAt(ada, id, '2');
    expect(atV2.status).toBe(200);
    expect([...atV2.byId.keys()]).toEqual([moved]);
    expect(atV2.byId.get(moved)).toMatchObject({
      documentVersion: 2,
      status: 'REANCHORED',
      target: movedAt2,
    });

    // Without a version the list is what it was: the current rows, the orphan last.
    const now = await annotationsAt(ada, id);
    expect(now.json.annotations.map((a: Annotation) => [a.id, a.documentVersion, a.status])).toEqual([
      [moved, 2, 'REANCHORED'],
      [orphan, 1, 'ORPHANED'],
    ]);

    // Bo sees Ada's shared annotation in version 1, never her private one; Ada never sees Bo's.
    const bosV1 = await annotationsAt(bo, id, '1');
    expect([...bosV1.byId.keys()].sort()).toEqual([moved, bosPrivate].sort());
    expect(bosV1.byId.get(moved)!.target).toMatchObject(movedAt1);
    expect(atV1.byId.has(bosPrivate)).toBe(false);
    expect(atV2.byId.has(bosPrivate)).toBe(false);

    // The status filter applies to the status an annotation had in that version.
    const orphanedAtV1 = await call(listAnnotations, 'GET', '/x', {
      user: ada,
      params: { id },
      query: { version: '1', status: 'orphaned' },
    });
    expect(orphanedAtV1.json.annotations).toEqual([]);

    expect((await annotationsAt(ada, id, '3')).status).toBe(404);
    expect((await annotationsAt(ada, id, '0')).status).toBe(400);
  });
});
