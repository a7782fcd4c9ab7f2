// Faithful import (issue 14): a seminar's shared file imports for every reader, formatting
// and reply authors survive, and a round trip between two installations loses nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as repliesRoute } from '@/app/api/v1/annotations/[id]/replies/route';
import type { AnnotationView } from '@/lib/annotations/types';
import type { ReplyView } from '@/lib/replies/types';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import { call, signUp, type TestUser } from '../support/api';
import { collectionItems } from '../support/w3c-items';
import { closeInstallations, inInstallation } from '../support/installations';
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

let doc: Awaited<ReturnType<typeof sampleDocument>>;
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const list = async (user: TestUser) =>
  (
    await call(listRoute, 'GET', '/api/v1/documents/face-time/annotations', {
      user,
      params: { id: 'face-time' },
      query: { mine: 'true' },
    })
  ).json.annotations as AnnotationView[];

const repliesOf = async (user: TestUser, annotationId: string) =>
  (
    await call(repliesRoute, 'GET', `/api/v1/annotations/${annotationId}/replies`, {
      user,
      params: { id: annotationId },
    })
  ).json.replies as ReplyView[];

/** A file from another tool: three annotations on the sample article's paragraphs, one reply. */
function sharedFile() {
  const paras = doc.blocks.filter((b) => b.kind === 'PARAGRAPH');
  const quote = (i: number) => ({
    source: 'https://elsewhere.example/face-time',
    selector: { type: 'TextQuoteSelector', exact: paras[i].text.slice(0, 40) },
  });
  return {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://elsewhere.example/a/1',
          type: 'Annotation',
          body: {
            type: 'TextualBody',
            purpose: 'commenting',
            format: 'text/html',
            value:
              '<p>A <strong>bold</strong> and <em>italic</em> <a href="https://example.org/x" onclick="x()">link</a></p>' +
              '<ul><li>one</li><li>two</li></ul><script>alert(1)</script><img src="x" onerror="alert(2)">',
          },
          target: quote(0),
        },
        {
          id: 'https://elsewhere.example/a/2',
          type: 'Annotation',
          body: {
            type: 'TextualBody',
            format: 'text/markdown',
            value: '**Strong** and *soft*, see [the source](https://example.org/s)\n\n1. first\n2. second',
          },
          target: quote(1),
        },
        {
          id: 'https://elsewhere.example/a/3',
          type: 'Annotation',
          bodyValue: 'Plain *stays* plain',
          target: quote(2),
        },
        {
          id: 'https://elsewhere.example/a/4',
          type: 'Annotation',
          motivation: 'replying',
          creator: { type: 'Person', name: 'Bob' },
          bodyValue: 'A reply from Bob',
          target: 'https://elsewhere.example/a/1',
        },
      ],
    },
  };
}

beforeAll(async () => {
  doc = await sampleDocument();
});

afterAll(closeInstallations);

describe('a shared file', () => {
  it('imports for every reader of the seminar, and once for each', async () => {
    const [ada, ben] = await Promise.all([signUp('Ada'), signUp('Ben')]);
    const seminar = await makeGroup('Seminar', ada, [ben]);
    const file = sharedFile();
    for (const reader of [ada, ben]) {
      const res = await importFile(reader, file, { groupId: seminar.id });
      expect(res.json, reader.name).toMatchObject({
        imported: 3,
        replies: 1,
        alreadyImported: 0,
        alreadyHere: 0,
        rejected: [],
      });
      expect(await list(reader)).toHaveLength(3);
    }
    expect((await importFile(ben, file, { groupId: seminar.id })).json).toMatchObject({
      imported: 0,
      replies: 0,
      alreadyImported: 4,
    });
  });

  it('keeps bold, italics, lists and link URLs of HTML and Markdown bodies, and drops the rest', async () => {
    const cy = await signUp('Cy');
    await importFile(cy, sharedFile());
    const [html, markdown, plain] = await list(cy);
    expect(html.note?.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' ' },
          { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org/x' } }] },
        ],
      },
      {
        type: 'bulletList',
        content: ['one', 'two'].map((text) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
        })),
      },
    ]);
    expect(JSON.stringify(html.note)).not.toMatch(/alert|onclick|onerror/);
    expect(markdown.note?.content?.[0]).toMatchObject({
      content: [
        { text: 'Strong', marks: [{ type: 'bold' }] },
        { text: ' and ' },
        { text: 'soft', marks: [{ type: 'italic' }] },
        { text: ', see ' },
        { text: 'the source', marks: [{ type: 'link', attrs: { href: 'https://example.org/s' } }] },
      ],
    });
    expect(markdown.note?.content?.[1]).toMatchObject({ type: 'orderedList' });
    expect(plain.note).toEqual(paragraphs('Plain *stays* plain'));
  });

  it('keeps the authors of W3C and Hypothesis replies as attributions; the importer owns them', async () => {
    const dee = await signUp('Dee');
    await importFile(dee, sharedFile());
    const [withReply] = await list(dee);
    expect(await repliesOf(dee, withReply.id)).toMatchObject([
      { author: { id: dee.id, name: 'Dee' }, attribution: 'Bob', bodyText: 'A reply from Bob' },
    ]);

    const hypothesis = readFileSync(
      new URL('../fixtures/w3c/hypothesis-search.json', import.meta.url),
      'utf8',
    );
    const res = await importFile(dee, hypothesis);
    expect(res.json).toMatchObject({ imported: 1, replies: 1 });
    const reply = res.json.items.find((i: { kind: string }) => i.kind === 'reply');
    expect(reply).toMatchObject({ status: 'ATTACHED', reason: expect.stringContaining('written by second') });
    const annotation = (await list(dee)).find((a) => a.id === res.json.items[0].id)!;
    expect(annotation.note?.content?.[0]).toMatchObject({
      content: [
        { text: 'The ' },
        { text: 'framing', marks: [{ type: 'bold' }] },
        { text: ' here is doing a lot of work.' },
      ],
    });
    expect(await repliesOf(dee, annotation.id)).toMatchObject([
      { author: { id: dee.id }, attribution: 'second' },
    ]);
  });
});

/** An export's items without what differs between installations: ids (and ids in IRIs), via, dates of the export. */
function comparable(text: string) {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return JSON.parse(
    JSON.stringify(collectionItems(text), (key, value: unknown) =>
      key === 'id' || key === 'via' || key === 'generated'
        ? undefined
        : typeof value === 'string'
          ? value.replace(uuid, '<id>')
          : value,
    ),
  );
}

describe('a round trip between two installations', () => {
  it('exports from one, imports into the other, and exports the same annotations again', async () => {
    const first = await inInstallation('one', async () => {
      await sampleDocument();
      const [ada, ben] = [await signUp('Ada'), await signUp('Ben')];
      const seminar = await makeGroup('Seminar', ada, [ben]);
      const paras = doc.blocks.filter((b) => b.kind === 'PARAGRAPH');
      const made = await annotate(ada, {
        target: targetFor(doc.blocks, paras[0].anchor, paras[0].text.slice(10, 60)),
        tags: ['claim', 'evidence'],
        note: formattedNote,
        groupId: seminar.id,
      });
      await annotate(ada, {
        target: targetFor(doc.blocks, paras[2].anchor, paras[2].text.slice(-20), {
          anchor: paras[3].anchor,
          quote: paras[3].text.slice(0, 15),
        }),
        tags: ['framing'],
        note: paragraphs('Across two paragraphs, 中文 😀'),
        groupId: seminar.id,
      });
      await annotate(ada, {
        target: targetFor(doc.blocks, doc.blocks[0].anchor, doc.blocks[0].text),
        tags: ['claim'],
        groupId: seminar.id,
      });
      await addReply(made.id, ben, 'Ben disagrees', { at: new Date('2025-03-01T10:00:00Z') });
      await addReply(made.id, ada, 'Ada answers', { at: new Date('2025-03-01T11:00:00Z') });
      return (await exportAs(ada, 'jsonld')).text;
    });
    expect(collectionItems(first)).toHaveLength(5);

    const second = await inInstallation('two', async () => {
      await sampleDocument();
      const ada = await signUp('Ada');
      const seminar = await makeGroup('Seminar', ada);
      const res = await importFile(ada, first, { groupId: seminar.id });
      expect(res.json).toMatchObject({ imported: 3, orphaned: 0, replies: 2, rejected: [], skipped: [] });
      return (await exportAs(ada, 'jsonld')).text;
    });
    expect(comparable(second)).toEqual(comparable(first));
  });
});
