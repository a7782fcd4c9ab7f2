import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteAnnotationRoute } from '@/app/api/v1/annotations/[id]/route';
import { GET as listRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import { db } from '@/lib/server/db';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import {
  INCORRECT_SAMPLE_FLAWS,
  NOT_JSON_SAMPLE,
  TEXT_QUOTE_SAMPLES,
  listSamples,
  readSampleText,
} from '@/tests/fixtures/w3c/samples';
import { readFileSync } from 'node:fs';
import type { AnnotationView } from '@/lib/annotations/types';
import { call, signUp, type TestUser } from '../support/api';
import { collectionItems, isReply, type W3cAnnotation, type W3cItem } from '../support/w3c-items';
import {
  addReply,
  annotate,
  exportAs,
  importFile,
  makeGroup,
  paragraphs,
  sampleDocument,
  targetFor,
} from './export-fixtures';

let ada: TestUser;
let ben: TestUser;
let seminar: { id: string; name: string };
let doc: Awaited<ReturnType<typeof sampleDocument>>;

const list = async (user: TestUser, query: Record<string, string> = {}) =>
  (
    await call(listRoute, 'GET', '/api/v1/documents/face-time/annotations', {
      user,
      params: { id: 'face-time' },
      query,
    })
  ).json.annotations as AnnotationView[];

/** What must survive a round trip, keyed by the original annotation's IRI. */
function comparable(items: W3cItem[], idOf: (item: W3cItem) => string) {
  const annotations = items.filter((i): i is W3cAnnotation => !isReply(i));
  return Object.fromEntries(
    annotations.map((a) => [
      idOf(a),
      {
        tags: a.body?.filter((b) => b.purpose === 'tagging').map((b) => b.value),
        note:
          a.body?.find((b) => b.purpose === 'commenting' || b.type === 'Choice')?.items?.[0]?.value ?? null,
        selector: a.target.selector,
        blocks: [
          a.target['mg:startBlock'],
          a.target['mg:startOffset'],
          a.target['mg:endBlock'],
          a.target['mg:endOffset'],
        ],
        status: a['mg:anchorStatus'],
        replies: items
          .filter(isReply)
          .filter((r) => r.target === a.id)
          .map((r) => [r.body?.items?.[0].value, r.created]),
      },
    ]),
  );
}

beforeAll(async () => {
  [ada, ben] = await Promise.all([signUp('Ada'), signUp('Ben')]);
  seminar = await makeGroup('Seminar B', ada, [ben]);
  doc = await sampleDocument();
});

describe('W3C JSON-LD round trip', () => {
  it('exports, imports into the same document after deleting the originals, and exports the same annotations', async () => {
    const paras = doc.blocks.filter((b) => b.kind === 'PARAGRAPH');
    const made = [
      await annotate(ada, {
        target: targetFor(doc.blocks, paras[0].anchor, paras[0].text.slice(10, 60)),
        tags: ['claim', 'evidence', 'framing'],
        note: formattedNote,
        groupId: seminar.id,
      }),
      await annotate(ada, {
        target: targetFor(doc.blocks, paras[1].anchor, paras[1].text.slice(0, 30)),
        tags: ['evidence'],
        note: paragraphs('=1+1, "quoted", 中文 😀', 'second line'),
        groupId: seminar.id,
      }),
      await annotate(ada, {
        target: targetFor(doc.blocks, paras[2].anchor, paras[2].text.slice(-20), {
          anchor: paras[3].anchor,
          quote: paras[3].text.slice(0, 15),
        }),
        tags: ['framing'],
        groupId: seminar.id,
      }),
      await annotate(ada, {
        target: targetFor(doc.blocks, doc.blocks[0].anchor, doc.blocks[0].text),
        tags: ['claim'],
        note: paragraphs('On the title'),
        groupId: seminar.id,
      }),
    ];
    await addReply(made[0].id, ben, 'First reply 👍', { at: new Date('2025-03-01T10:00:00Z') });
    await addReply(made[0].id, ada, 'Second reply', { at: new Date('2025-03-01T11:00:00Z') });
    await db.annotation.update({ where: { id: made[3].id }, data: { status: 'ORPHANED' } });

    const first = await exportAs(ada, 'jsonld');
    const before = collectionItems(first.text);
    expect(before).toHaveLength(6);

    for (const a of made) {
      expect(
        (
          await call(deleteAnnotationRoute, 'DELETE', `/api/v1/annotations/${a.id}`, {
            user: ada,
            params: { id: a.id },
          })
        ).status,
      ).toBe(204);
    }
    expect(await list(ada)).toEqual([]);

    const res = await importFile(ada, first.text, { groupId: seminar.id });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      imported: 4,
      replies: 2,
      alreadyImported: 0,
      skipped: [],
      rejected: [],
    });
    // The orphan's quote (the title) is still in the document, so it anchors again.
    expect(res.json.orphaned).toBe(0);
    expect(res.json.items.map((i: { kind: string }) => i.kind)).toEqual([
      'annotation',
      'reply',
      'reply',
      'annotation',
      'annotation',
      'annotation',
    ]);

    const after = collectionItems((await exportAs(ada, 'jsonld')).text);
    const sourceOf = new Map(
      (
        await db.annotation.findMany({
          where: { sourceId: { not: null } },
          select: { id: true, sourceId: true },
        })
      ).map((r) => [r.id, r.sourceId!]),
    );
    const expected = comparable(before, (a) => a.id);
    expected[before.find((a) => a.id.endsWith(made[3].id))!.id].status = 'ANCHORED';
    expect(comparable(after, (a) => sourceOf.get(a.id.split('/').at(-1)!)!)).toEqual(expected);

    const views = await list(ben);
    expect(views).toHaveLength(4);
    expect(views.every((v) => v.group?.id === seminar.id && v.author.id === ada.id)).toBe(true);
  });

  it("adds nothing when one's own export is imported into the same document: it is already here", async () => {
    const file = (await exportAs(ada, 'jsonld')).text;
    const mine = await list(ada, { mine: 'true' });
    const once = await importFile(ada, file);
    expect(once.json).toMatchObject({
      imported: 0,
      replies: 0,
      alreadyImported: 0,
      alreadyHere: 6,
      omitted: 0,
    });
    expect(once.json.skipped.map((s: { reason: string }) => s.reason)).toEqual(Array(6).fill('already here'));
    expect(once.json.items.map((i: { status: string }) => i.status)).toEqual(Array(6).fill('ALREADY_HERE'));
    expect(
      once.json.items
        .filter((i: { kind: string }) => i.kind === 'annotation')
        .map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(mine.map((a) => a.id).sort());
    expect(once.json.items[0].reason).toMatch(/this server's own annotation/);
    // Ben sees Ada's shared annotations: for him too they are already here.
    expect((await importFile(ben, file)).json).toMatchObject({ imported: 0, alreadyHere: 6 });
    expect(await list(ada, { mine: 'true' })).toHaveLength(4);
    expect(await list(ben, { mine: 'true' })).toHaveLength(0);
    // Someone who may not see them gets copies of their own, and no word of the originals.
    const eve = await signUp('Eve');
    const copies = await importFile(eve, file);
    expect(copies.json).toMatchObject({ imported: 4, replies: 2, alreadyHere: 0 });
    const ids = new Set(mine.map((a) => a.id));
    expect(copies.json.items.some((i: { id: string }) => ids.has(i.id))).toBe(false);
  });
});

describe('anchoring, tags and visibility of imported annotations', () => {
  it('keeps an unplaceable quote as an orphan, maps tags, falls back to the default tag and says so', async () => {
    const eve = await signUp('Eve');
    const para = doc.blocks.filter((b) => b.kind === 'PARAGRAPH')[4];
    const quote = para.text.slice(5, 45);
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:x:1',
          type: 'Annotation',
          created: '2024-01-01T00:00:00Z',
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: 'Claims' },
            { type: 'TextualBody', value: 'Typo-tolerant', purpose: 'commenting' },
          ],
          target: {
            source: 'https://elsewhere.example/face-time',
            selector: { type: 'TextQuoteSelector', exact: quote.replace(/e/, 'E') },
          },
        },
        {
          id: 'urn:x:2',
          type: 'Annotation',
          body: { type: 'TextualBody', purpose: 'tagging', value: 'Hot Take' },
          target: {
            source: 'https://elsewhere.example/face-time',
            selector: {
              type: 'TextQuoteSelector',
              exact: 'words that appear nowhere in this article at all',
            },
          },
        },
        {
          id: 'urn:x:3',
          type: 'Annotation',
          created: '2024-01-02T00:00:00Z',
          bodyValue: 'Exact one',
          target: {
            source: 'x:y',
            selector: [
              { type: 'TextPositionSelector', start: 0, end: 1 },
              { type: 'TextQuoteSelector', exact: quote },
            ],
          },
        },
      ],
    };
    const res = await importFile(eve, file, { defaultTag: 'evidence' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      imported: 3,
      orphaned: 1,
      tags: { defaultTag: 'evidence', unknown: ['hot-take'] },
    });
    expect(res.json.items.map((i: { status: string }) => i.status)).toEqual([
      'REANCHORED',
      'ORPHANED',
      'ANCHORED',
    ]);
    expect(res.json.warnings.join(' ')).toMatch(
      /tagged “evidence”.*hot-take.*another page.*orphans.*private/s,
    );

    const mine = await list(eve);
    expect(mine.map((a) => [a.tags, a.status, a.noteText])).toEqual([
      [['claim'], 'REANCHORED', 'Typo-tolerant'],
      [['evidence'], 'ANCHORED', 'Exact one'],
      [['evidence'], 'ORPHANED', ''],
    ]);
    expect(mine[0].target.exact).toBe(quote);
    expect(mine[2].target.exact).toBe('words that appear nowhere in this article at all');
    expect(mine.every((a) => a.visibility === 'private')).toBe(true);
    expect((await list(ada)).some((a) => a.author.id === eve.id)).toBe(false);
    expect((await exportAs(ada, 'csv')).text).not.toContain('Typo-tolerant');
  });

  it('refuses a group the importer does not belong to, an unknown default tag, and a file that is not JSON', async () => {
    const cy = await signUp('Cy');
    const one = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:y:1',
      type: 'Annotation',
      target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: 'China' } },
    };
    expect((await importFile(cy, one, { groupId: seminar.id })).json.error.fields.groupId).toMatch(
      /not a member/,
    );
    expect((await importFile(cy, one, { defaultTag: 'nonsense' })).status).toBe(400);
    const notJson = await importFile(cy, readSampleText('incorrect', NOT_JSON_SAMPLE));
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.message).toMatch(/could not be read: it is not valid JSON/);
    expect(
      (
        await importFile(
          cy,
          '{"@context": "http://www.w3.org/ns/anno.jsonld", "x": "' + 'a'.repeat(10 * 1024 * 1024) + '"}',
        )
      ).status,
    ).toBe(413);
    expect(await list(cy)).toEqual([]);
  });
});

describe('the W3C test suite’s samples and Hypothesis files', () => {
  it('accepts the correct samples that target text (as orphans: their page is not this one)', async () => {
    const fay = await signUp('Fay');
    for (const file of TEXT_QUOTE_SAMPLES) {
      const res = await importFile(fay, readSampleText('correct', file));
      expect(res.json, file).toMatchObject({ imported: 1, orphaned: 1, rejected: [] });
    }
  });

  it('rejects each incorrect sample with the assertion it breaks', async () => {
    const fay = await signUp('Fay');
    for (const file of listSamples('incorrect').filter((f) => f !== NOT_JSON_SAMPLE)) {
      const res = await importFile(fay, readSampleText('incorrect', file));
      expect(res.status, file).toBe(200);
      expect(res.json.imported, file).toBe(0);
      expect(res.json.rejected, file).toHaveLength(1);
      expect(res.json.rejected[0].reason, file).toContain(`[${INCORRECT_SAMPLE_FLAWS[file]}]`);
    }
    expect(await list(fay)).toEqual([]);
  });

  it('imports a Hypothesis search result: the annotation, its reply, and explains the page note', async () => {
    const gil = await signUp('Gil');
    const text = readFileSync(new URL('../fixtures/w3c/hypothesis-search.json', import.meta.url), 'utf8');
    const res = await importFile(gil, text, { groupId: '' });
    expect(res.json).toMatchObject({ imported: 1, orphaned: 1, replies: 1 });
    expect(res.json.rejected).toEqual([
      { index: 2, id: 'Pg3NoTe4Only-5AbCdEfGh', reason: expect.stringContaining('no TextQuoteSelector') },
    ]);
    const [annotation] = await list(gil);
    expect(annotation.tags).toEqual(['framing']);
    expect(annotation.replyCount).toBe(1);
    const replies = await db.reply.findMany({
      where: { annotationId: annotation.id },
      select: { bodyText: true, authorId: true },
    });
    expect(replies).toEqual([{ bodyText: 'I read it the other way.', authorId: gil.id }]);
    expect((await importFile(gil, text)).json).toMatchObject({ imported: 0, replies: 0, alreadyImported: 2 });
  });
});

describe('positions in code points', () => {
  it('reads a TextPositionSelector in code points to choose between two occurrences of a quote', async () => {
    const { createDocument } = await import('@/lib/server/dal/documents');
    const hal = await signUp('Hal');
    const text = `${'😀'.repeat(100)} alpha beta ${'🎉'.repeat(10)} alpha beta`;
    const created = await createDocument(hal, { text, format: 'text', title: 'Twice' });
    const blocks = await db.block.findMany({
      where: { version: { documentId: created.id } },
      orderBy: { index: 'asc' },
      select: { text: true },
    });
    const documentText = blocks.map((b) => b.text).join('\n\n');
    const codePoints = Array.from(documentText);
    const second = codePoints.join('').lastIndexOf('alpha beta');
    const secondInCodePoints = Array.from(documentText.slice(0, second)).length;
    expect(codePoints.slice(secondInCodePoints, secondInCodePoints + 10).join('')).toBe('alpha beta');
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:cp:1',
      type: 'Annotation',
      target: {
        source: 'x:y',
        selector: [
          { type: 'TextQuoteSelector', exact: 'alpha beta' },
          { type: 'TextPositionSelector', start: secondInCodePoints, end: secondInCodePoints + 10 },
        ],
      },
    };
    const res = await importFile(hal, file, {}, created.id);
    expect(res.json.items[0].status).toBe('ANCHORED');
    const row = await db.annotation.findFirstOrThrow({
      where: { sourceId: 'urn:cp:1' },
      select: { startBlock: true, startOffset: true },
    });
    const block = blocks.find((b) => b.text.includes('alpha beta'))!;
    expect(row.startOffset).toBe(block.text.lastIndexOf('alpha beta'));
  });
});
