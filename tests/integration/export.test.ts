import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { formattedNote } from '@/tests/fixtures/w3c/export-records';
import { GET as exportRoute } from '@/app/api/v1/documents/[id]/export/route';
import { GET as listRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import { checkAnnotationMusts, checkCollectionDefinitions } from '@/lib/w3c/validate';
import { db, rawSql } from '@/lib/server/db';
import { createDocument } from '@/lib/server/dal/documents';
import { prepareExport } from '@/lib/server/dal/export';
import { annotationFilterSchema } from '@/lib/annotations/schemas';
import { call, signUp, type TestUser } from '../support/api';
import {
  collectionItems,
  isReply,
  type W3cAnnotation,
  type W3cItem,
  type W3cSelector,
} from '../support/w3c-items';
import {
  addReply,
  annotate,
  exportAs,
  makeGroup,
  paragraphs,
  sampleDocument,
  targetFor,
} from './export-fixtures';

type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { bom: true, columns: true, skip_empty_lines: true });

let ada: TestUser; // facilitator of the seminar
let ben: TestUser; // member
let dee: TestUser; // member
let cy: TestUser; // in no group
let doc: Awaited<ReturnType<typeof sampleDocument>>;
const ids: Record<string, string> = {};
const awkwardNote = ['=HYPERLINK("http://evil.example","click"), then "quotes", commas', 'and a new line'];
const quotes: Record<string, string> = {};

beforeAll(async () => {
  [ada, ben, dee, cy] = await Promise.all([signUp('Ada'), signUp('Ben'), signUp('Dee'), signUp('Cy')]);
  const seminar = await makeGroup('Seminar A, Tuesday', ada, [ben, dee]);
  doc = await sampleDocument();
  const paras = doc.blocks.filter((b) => b.kind === 'PARAGRAPH');
  const [p1, p2, p3, p4] = paras;
  const words = (text: string, from: number, n: number) =>
    text
      .split(' ')
      .slice(from, from + n)
      .join(' ');
  quotes.adaPrivate = words(p1.text, 2, 6);
  quotes.adaGroup = words(p2.text, 0, 8);
  quotes.benHidden = words(p3.text, 1, 5);
  quotes.benPrivate = words(p4.text, 3, 5);

  ids.adaPrivate = (
    await annotate(ada, {
      target: targetFor(doc.blocks, p1.anchor, quotes.adaPrivate),
      tags: ['evidence'],
      note: paragraphs(...awkwardNote),
    })
  ).id;
  ids.adaGroup = (
    await annotate(ada, {
      target: targetFor(doc.blocks, p2.anchor, quotes.adaGroup),
      tags: ['framing', 'claim'],
      note: formattedNote,
      groupId: seminar.id,
    })
  ).id;
  ids.benHidden = (
    await annotate(ben, {
      target: targetFor(doc.blocks, p3.anchor, quotes.benHidden),
      tags: ['claim'],
      note: paragraphs('Ben’s note, hidden by the facilitator'),
      groupId: seminar.id,
    })
  ).id;
  ids.benPrivate = (
    await annotate(ben, {
      target: targetFor(doc.blocks, p4.anchor, quotes.benPrivate),
      tags: ['claim'],
      note: paragraphs('Ben’s private thoughts'),
    })
  ).id;
  const across = targetFor(doc.blocks, p3.anchor, words(p3.text, 20, 3), {
    anchor: p4.anchor,
    quote: words(p4.text, 0, 2),
  });
  ids.across = (
    await annotate(ada, {
      target: across,
      tags: ['evidence'],
      note: paragraphs('Across two paragraphs: 我们读书 😀'),
      groupId: seminar.id,
    })
  ).id;
  ids.orphan = (
    await annotate(ada, {
      target: targetFor(doc.blocks, p1.anchor, words(p1.text, 0, 2)),
      tags: ['framing'],
      groupId: seminar.id,
    })
  ).id;
  await db.annotation.update({ where: { id: ids.orphan }, data: { status: 'ORPHANED' } });
  await db.annotation.update({
    where: { id: ids.benHidden },
    data: { hiddenAt: new Date(), hiddenById: ada.id },
  });

  await addReply(ids.adaGroup, ben, 'Agreed, 同意 ✅', { at: new Date('2025-01-01T10:00:00Z') });
  await addReply(ids.adaGroup, ben, 'Off topic, hidden', {
    hidden: true,
    at: new Date('2025-01-01T11:00:00Z'),
  });
  await addReply(ids.adaGroup, dee, 'Deleted reply', { deleted: true });
});

describe('CSV export', () => {
  it('gives every visible annotation once, in document order with orphans last, with exact fields', async () => {
    const res = await exportAs(ada, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toContain(`attachment; filename="face-time-${today}.csv"`);
    expect(res.headers.get('x-total-count')).toBe('5');
    const rows = csvRows(res.text);
    expect(rows.map((r) => r.quote)).toEqual([
      quotes.adaPrivate,
      quotes.adaGroup,
      quotes.benHidden,
      expect.stringContaining('\n'),
      expect.any(String),
    ]);
    // A passage across blocks: one line break between them, as on the page; both ¶ numbers.
    expect(rows[3].quote).not.toContain('\n\n');
    expect(rows[3].paragraph).toBe('¶3–4');
    expect(rows[0].paragraph).toBe('¶1');
    expect(rows.at(-1)!.status).toBe('ORPHANED');

    const awkward = rows[0];
    // A note starting with "=" must not become a formula; commas, quotes and line breaks survive.
    expect(awkward.note).toBe(`'${awkwardNote.join('\n')}`);
    expect(awkward).toMatchObject({
      document: 'Face Time',
      tags: 'evidence',
      author: 'Ada',
      group: '',
      visibility: 'private',
      replies: '0',
    });

    const rich = rows[1];
    expect(rich).toMatchObject({
      tags: 'claim; framing',
      note: 'This is the crux, see the source (https://example.org/source)\n- first point\n- second point',
      group: 'Seminar A, Tuesday',
      visibility: 'group',
      replies: '2',
      // The facilitator reads the hidden reply, marked as hidden; the deleted one is gone.
      thread:
        'Ben, 2025-01-01: Agreed, 同意 ✅\n\nBen, 2025-01-01 (hidden by a facilitator): Off topic, hidden',
    });
    expect(rich.start).toMatch(/^p-\d+:0$/);
    expect(rows[3].note).toBe('Across two paragraphs: 我们读书 😀');
    expect(rows.some((r) => r.note.includes('private thoughts'))).toBe(false);
  });

  it('starts with a byte order mark only when asked', async () => {
    const plain = await exportAs(ada, 'csv');
    expect(plain.text.startsWith('\uFEFF')).toBe(false);
    // Response.text() drops a BOM, as browsers do: look at the bytes.
    const request = new Request('http://127.0.0.1:3000/api/v1/documents/face-time/export?format=csv&bom=1', {
      headers: { cookie: ada.cookie },
    });
    const bytes = new Uint8Array(
      await (await exportRoute(request, { params: Promise.resolve({ id: 'face-time' }) })).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).startsWith('\uFEFFdocument,paragraph,'),
    ).toBe(true);
  });

  it('withholds a hidden note from other members, and never shows another reader’s private annotation', async () => {
    const forDee = csvRows((await exportAs(dee, 'csv')).text);
    expect(forDee).toHaveLength(4);
    expect(forDee.find((r) => r.quote === quotes.benHidden)!.note).toBe('');
    expect(forDee.some((r) => r.quote === quotes.adaPrivate || r.quote === quotes.benPrivate)).toBe(false);

    const forBen = csvRows((await exportAs(ben, 'csv')).text);
    expect(forBen.find((r) => r.quote === quotes.benHidden)!.note).toContain('hidden by the facilitator');
    expect(forBen.find((r) => r.quote === quotes.benPrivate)!.note).toBe('Ben’s private thoughts');
    expect(forBen.some((r) => r.quote === quotes.adaPrivate)).toBe(false);

    const forCy = await exportAs(cy, 'csv');
    expect(forCy.headers.get('x-total-count')).toBe('0');
    expect(csvRows(forCy.text)).toEqual([]);
  });

  it('applies the annotation list’s filters', async () => {
    const tagged = csvRows((await exportAs(ada, 'csv', { tag: 'evidence' })).text);
    expect(tagged.map((r) => r.tags)).toEqual(['evidence', 'evidence']);
    expect(csvRows((await exportAs(ada, 'csv', { mine: 'true' })).text)).toHaveLength(4);
    expect(csvRows((await exportAs(ada, 'csv', { mine: 'others' })).text).map((r) => r.author)).toEqual([
      'Ben',
    ]);
    expect(csvRows((await exportAs(ada, 'csv', { group: 'private' })).text).map((r) => r.quote)).toEqual([
      quotes.adaPrivate,
    ]);
    expect(csvRows((await exportAs(ada, 'csv', { status: 'orphaned' })).text)).toHaveLength(1);
    expect(csvRows((await exportAs(ada, 'csv', { q: 'paragraphs' })).text)).toHaveLength(1);
    expect(csvRows((await exportAs(ada, 'csv', { reader: ben.id })).text)).toHaveLength(1);
  });
  it('holds exactly the annotations the annotation list gives for the same filters', async () => {
    // The export spells the list's filters in SQL (export-cursor.ts): the two must agree.
    const filters: Record<string, string>[] = [
      {},
      { tag: 'claim' },
      { mine: 'true' },
      { mine: 'others' },
      { group: 'private' },
      { status: 'orphaned' },
      { status: 'anchored' },
      { q: 'paragraphs' },
      { reader: ben.id },
    ];
    for (const user of [ada, ben, dee]) {
      for (const query of filters) {
        const list = await call(listRoute, 'GET', '/api/v1/documents/face-time/annotations', {
          user,
          params: { id: 'face-time' },
          query,
        });
        const listed = (list.json.annotations as { id: string }[]).map((a) => a.id);
        const res = await exportAs(user, 'jsonld', query);
        const exported = collectionItems(res.text)
          .filter((i) => !isReply(i))
          .map((i) => i.id.split('/').at(-1));
        expect(exported.sort(), `${user.name} ${JSON.stringify(query)}`).toEqual(listed.sort());
        expect(res.headers.get('x-total-count')).toBe(String(listed.length));
      }
    }
  });
});

describe('Markdown export', () => {
  it('groups by tag, then document order, with the ¶ label, note and indented replies', async () => {
    const res = await exportAs(ada, 'markdown');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename="face-time-\d{4}-\d\d-\d\d\.md"/);
    const md = res.text;
    expect(md.startsWith('# Face Time\n\n')).toBe(true);
    expect(md).toContain('5 annotations');
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    // Each note once, under its first tag: Ada's claim-and-framing note is under Claim only.
    expect(headings).toEqual(['Claim (2)', 'Evidence (2)', 'Framing (1)']);
    expect(md.split(quotes.adaGroup)).toHaveLength(2);
    expect(md).toContain('tags: claim, framing');
    const section = (name: string) => md.slice(md.indexOf(`## ${name}`)).split(/\n## /)[0];
    const claim = section('Claim');
    expect(claim.indexOf(quotes.adaGroup)).toBeGreaterThan(0);
    expect(claim.indexOf(quotes.benHidden)).toBeGreaterThan(claim.indexOf(quotes.adaGroup));
    expect(section('Framing')).not.toContain(quotes.adaGroup);
    expect(section('Framing')).toContain('_Orphaned');
    expect(section('Evidence')).toMatch(/> — \[¶3–4\]\(</);
    expect(claim).toMatch(/> — \[¶2\]\(<http:\/\/127\.0\.0\.1:3000\/documents\/face-time#p-\d+>\)/);
    expect(claim).toContain('**the crux**');
    expect(claim).toContain('2 replies:');
    expect(claim).toContain('- **Ben** · 2025-01-01\n\n  Agreed, 同意 ✅');
    expect(claim).toContain('_hidden by a facilitator_');
    expect(md).not.toContain('private thoughts');
  });

  it('lists only the filtered tags', async () => {
    const res = await exportAs(ada, 'markdown', { tag: 'framing' });
    expect([...res.text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Framing (2)']);
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="face-time-framing-\d{4}-\d\d-\d\d\.md"/,
    );
  });
});

describe('W3C JSON-LD export', () => {
  it('is an AnnotationCollection whose every item passes the test suite’s "must" assertions', async () => {
    const res = await exportAs(ada, 'jsonld');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(
      /^application\/ld\+json; profile="http:\/\/www.w3.org\/ns\/anno.jsonld"/,
    );
    const collection = JSON.parse(res.text);
    expect(checkCollectionDefinitions(collection)).toEqual({ ok: true, failures: [] });
    const items: W3cItem[] = collection.first.items;
    expect(items).toHaveLength(7); // 5 annotations and 2 replies
    expect(collection.total).toBe(7);
    for (const item of items) expect(checkAnnotationMusts(item), item.id).toEqual({ ok: true, failures: [] });

    const rich = items.find((i) => i.id.endsWith(ids.adaGroup)) as W3cAnnotation;
    expect(rich.motivation).toBe('commenting');
    expect(rich.body!.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual([
      'claim',
      'framing',
    ]);
    expect(rich.body![0].items![1].value).toContain('<strong>the crux</strong>');
    const selectors = rich.target.selector;
    expect(selectors[0]).toMatchObject({
      type: 'FragmentSelector',
      refinedBy: { type: 'TextQuoteSelector', exact: quotes.adaGroup },
    });
    // Positions are code points in the page text (blocks joined by one line break).
    const page = Array.from(doc.blocks.map((b) => b.text).join('\n'));
    expect(page.slice(selectors[1].start, selectors[1].end).join('')).toBe(quotes.adaGroup);
    // The context of a one-block quote stays in its block.
    const block = doc.blocks.find((b) => b.text.startsWith(quotes.adaGroup))!;
    const { prefix, suffix } = selectors[0].refinedBy!;
    expect(prefix ?? '').toBe('');
    expect(block.text.startsWith(quotes.adaGroup + suffix)).toBe(true);

    const replies = items.filter(isReply);
    expect(replies.map((r) => r.target)).toEqual([rich.id, rich.id]);
    expect(replies[0].body!.items!.map((b) => b.value)).toEqual([
      'Agreed, 同意 ✅',
      '<p>Agreed, 同意 ✅</p>',
    ]);
    expect(replies[1]).toMatchObject({
      'mg:hidden': true,
      body: { type: 'Choice', items: [{ value: 'Off topic, hidden' }, expect.anything()] },
    });

    const across = items.find((i) => i.id.endsWith(ids.across)) as W3cAnnotation;
    const [quote, position] = across.target.selector as [Required<W3cSelector>, Required<W3cSelector>];
    expect(quote).toMatchObject({ type: 'TextQuoteSelector' });
    expect(quote.exact).toContain('\n');
    expect(quote.exact).not.toContain('\n\n');
    expect(page.slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(page.join('').includes(`${quote.prefix}${quote.exact}${quote.suffix}`)).toBe(true);
    expect(items.some((i) => i.id.endsWith(ids.benPrivate))).toBe(false);
  });

  it('withholds the text of a hidden reply from other members', async () => {
    const items = collectionItems((await exportAs(dee, 'jsonld')).text);
    const hidden = items.find((i) => i['mg:hidden'])!;
    expect(hidden.body).toBeUndefined();
    expect(JSON.stringify(items)).not.toContain('Off topic');
    expect(JSON.stringify(items)).not.toContain('hidden by the facilitator');
  });

  it('counts TextPositionSelector offsets in code points', async () => {
    const created = await createDocument(ada, {
      text: 'Emoji 😀 first 🎉 and 𝒳 math.\n\nThen the quoted words after 🙂 here.',
      format: 'text',
      title: 'Astral',
    });
    const astral = await db.block.findMany({
      where: { version: { documentId: created.id } },
      orderBy: { index: 'asc' },
      select: { anchor: true, text: true, kind: true },
    });
    const para = astral.find((b) => b.text.startsWith('Then'))!;
    await annotate(
      ada,
      { target: targetFor(astral, para.anchor, 'quoted words'), tags: ['claim'] },
      created.id,
    );
    const [item] = collectionItems((await exportAs(ada, 'jsonld', {}, created.id)).text) as W3cAnnotation[];
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    const codePoints = Array.from(astral.map((b) => b.text).join('\n'));
    expect(codePoints.slice(position.start, position.end).join('')).toBe('quoted words');
  });
});

describe('export endpoint', () => {
  it('answers 401 signed out, 404 for an unknown document, 400 for an unknown format', async () => {
    expect((await exportAs(null as unknown as TestUser, 'csv')).status).toBe(401);
    expect((await exportAs(ada, 'csv', {}, 'no-such-document')).status).toBe(404);
    const bad = await exportAs(ada, 'pdf');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields['query.format']).toBeDefined();
  });

  it('pages through many annotations at the same spot without losing or repeating one', async () => {
    const eve = await signUp('Eve');
    const para = doc.blocks.filter((b) => b.kind === 'PARAGRAPH')[5];
    const spot = targetFor(doc.blocks, para.anchor, para.text.slice(0, 20));
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await annotate(eve, { target: spot, tags: ['claim'] })).id);
    made.push(
      (
        await annotate(eve, {
          target: targetFor(doc.blocks, doc.blocks[0].anchor, doc.blocks[0].text.slice(0, 4)),
          tags: ['claim'],
        })
      ).id,
    );
    await db.annotation.updateMany({ where: { id: { in: made.slice(0, 3) } }, data: { status: 'ORPHANED' } });

    const prepared = await prepareExport(eve, doc.id, {
      format: 'jsonld',
      filter: annotationFilterSchema.parse({}),
      baseUrl: 'http://x.test',
      batchSize: 2,
    });
    let text = '';
    for await (const chunk of prepared.chunks) text += chunk;
    const exported = collectionItems(text).map((i) => i.id.split('/').at(-1));
    expect(new Set(exported).size).toBe(8);
    expect(exported.slice(0, 1)).toEqual([made[7]]); // the title comes first
    expect(new Set(exported.slice(-3))).toEqual(new Set(made.slice(0, 3))); // orphans last
  });

  it('stops writing when a download is cancelled, and the next export is whole', async () => {
    const fay = await signUp('Fay');
    const para = doc.blocks.filter((b) => b.kind === 'PARAGRAPH')[6];
    for (let i = 0; i < 9; i++)
      await annotate(fay, {
        target: targetFor(doc.blocks, para.anchor, para.text.slice(i, i + 12)),
        tags: ['claim'],
      });
    const exportFor = (format: 'csv' | 'markdown' | 'jsonld') =>
      prepareExport(fay, doc.id, {
        format,
        filter: annotationFilterSchema.parse({}),
        baseUrl: 'http://x.test',
        batchSize: 2,
      });
    // Two batches are written at once on two connections: a reader who leaves after the
    // first chunks must leave neither of them busy.
    for (const format of ['csv', 'markdown', 'jsonld'] as const) {
      let chunks = 0;
      for await (const _chunk of (await exportFor(format)).chunks) if (++chunks === 3) break;
      const busy = await rawSql()<{ query: string }[]>`
        SELECT "query" FROM pg_stat_activity
        WHERE "datname" = current_database() AND "state" <> 'idle' AND "pid" <> pg_backend_pid()
          AND "query" LIKE '%WITH pb AS%'`;
      expect(busy, format).toEqual([]);
    }
    let text = '';
    for await (const chunk of (await exportFor('csv')).chunks) text += chunk;
    expect(csvRows(text).filter((r) => r.author === 'Fay')).toHaveLength(9);
  });
});
