import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotationToJsonLd, jsonLdEnd, jsonLdItem, jsonLdStart } from '@/lib/export/jsonld';
import { acrossBlocks, ctx, records, richNote } from '@/tests/fixtures/w3c/export-records';
import {
  CONTAINER_SAMPLES,
  INCORRECT_SAMPLE_FLAWS,
  NOT_JSON_SAMPLE,
  PRE_RECOMMENDATION_SAMPLES,
  TEXT_QUOTE_SAMPLES,
  listSamples,
  readSampleText,
} from '@/tests/fixtures/w3c/samples';
import { NO_TEXT_QUOTE_REASON, parseW3CImport, parseW3CImportText, readImportFile } from './parse-import';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const textTarget = (exact: string) => ({
  source: 'http://example.org/doc',
  selector: { type: 'TextQuoteSelector', exact },
});
const anno = (extra: Record<string, unknown>) => ({
  '@context': CONTEXT,
  id: 'http://example.org/a1',
  type: 'Annotation',
  target: textTarget('quoted words'),
  ...extra,
});

describe('parseW3CImport: the W3C suite samples', () => {
  it('accepts the correct samples that target text', () => {
    const [a26, a32] = TEXT_QUOTE_SAMPLES.map((f) => parseW3CImportText(readSampleText('correct', f)));
    expect(a26).toEqual({
      rejected: [],
      items: [
        {
          sourceId: 'http://example.org/anno26',
          exact: 'anotation',
          prefix: 'this is an ',
          suffix: ' that has some',
          targetSource: 'http://example.org/page1',
          tags: [],
          noteText: '',
          replyTo: null,
        },
      ],
    });
    expect(a32.items[0]).toMatchObject({
      sourceId: 'http://example.org/anno32',
      exact: 'Selected Text',
      fragment: 'para5',
    });
  });

  it('turns away the correct samples that do not target text, saying they cannot be anchored', () => {
    const others = listSamples('correct').filter(
      (f) => ![...TEXT_QUOTE_SAMPLES, ...CONTAINER_SAMPLES, ...PRE_RECOMMENDATION_SAMPLES].includes(f),
    );
    for (const file of others) {
      const result = parseW3CImportText(readSampleText('correct', file));
      expect({ file, ...result }).toMatchObject({
        file,
        items: [],
        rejected: [{ index: 0, reason: NO_TEXT_QUOTE_REASON }],
      });
    }
  });

  it('reads the annotations embedded in a collection, inheriting its @context', () => {
    const { items, rejected } = parseW3CImportText(readSampleText('correct', 'collection1.json'));
    expect(items.map((i) => i.sourceId)).toEqual(['http://example.org/anno26', 'http://example.org/anno32']);
    expect(rejected.length).toBeGreaterThan(30);
    expect(rejected.filter((r) => r.reason !== NO_TEXT_QUOTE_REASON).map((r) => r.id)).toEqual(
      PRE_RECOMMENDATION_SAMPLES.map((f) => `http://example.org/${f.replace('.json', '')}`),
    );
  });

  it('says when a collection or page only refers to pages that are not in the file', () => {
    expect(parseW3CImportText(readSampleText('correct', 'example41.json'))).toEqual({
      items: [],
      rejected: [
        {
          index: 0,
          id: 'http://example.org/page1',
          reason:
            'AnnotationPage http://example.org/page1 is referenced but not embedded: its annotations are not in this file',
        },
      ],
    });
    const page = parseW3CImportText(readSampleText('correct', 'example42.json'));
    expect(page.rejected.map((r) => [r.index, r.id])).toEqual([
      [0, 'http://example.org/anno1'],
      [1, 'http://example.org/anno2'],
      [2, 'http://example.org/page2'],
    ]);
  });

  it('tells a file that is not JSON from a JSON file whose annotations are all rejected', () => {
    expect(readImportFile(readSampleText('incorrect', NOT_JSON_SAMPLE))).toMatchObject({
      ok: false,
      problem: 'not-json',
      detail: expect.any(String),
    });
    expect(readImportFile('\uFEFF[]')).toEqual({ ok: true, parsed: { items: [], rejected: [] } });
    const allRejected = readImportFile(readSampleText('incorrect', 'anno3.json'));
    expect(allRejected.ok && allRejected.parsed.rejected).toHaveLength(1);
  });

  it('rejects every incorrect sample, quoting the W3C assertion it fails', () => {
    expect(parseW3CImportText(readSampleText('incorrect', NOT_JSON_SAMPLE))).toMatchObject({
      items: [],
      rejected: [{ index: 0, id: null, reason: expect.stringMatching(/^the file is not valid JSON: /) }],
    });
    for (const [file, assertion] of Object.entries(INCORRECT_SAMPLE_FLAWS)) {
      const { items, rejected } = parseW3CImportText(readSampleText('incorrect', file));
      expect({ file, items }).toEqual({ file, items: [] });
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toMatch(/^not a valid W3C Web Annotation: /);
      expect({ file, reason: rejected[0].reason }).toEqual({
        file,
        reason: expect.stringContaining(`[${assertion}]`),
      });
    }
    const missingContext = parseW3CImportText(readSampleText('incorrect', 'anno3.json')).rejected[0];
    expect(missingContext).toEqual({
      index: 0,
      id: 'http://example.org/anno1',
      reason:
        "not a valid W3C Web Annotation: Annotation is missing @context key or 'http://www.w3.org/ns/anno.jsonld' is not a value of @context. [3.1-annotationContextValidated]",
    });
  });
});

describe('parseW3CImport: Marginalia round trip', () => {
  const exported =
    jsonLdStart(ctx, { collectionId: 'https://marginalia.test/export', total: 8 }) +
    records.map((a, i) => jsonLdItem(a, ctx, i === 0)).join('') +
    jsonLdEnd();
  const { items, rejected } = parseW3CImportText(exported);

  it('gives back every annotation and reply with the same quote, tags, note and ids', () => {
    expect(rejected).toEqual([]);
    const expected = records.flatMap((a) => [
      {
        sourceId: `https://marginalia.test/api/v1/w3c/documents/doc-1/${a.id}`,
        exact: a.exact,
        prefix: a.prefix || undefined,
        suffix: a.suffix || undefined,
        tags: a.tags,
        noteText: a.noteText,
        created: a.created,
        modified: a.updated,
        creatorName: a.author.name,
        replyTo: null,
        positionHint: a.position,
        blockHint: { start: a.start, end: a.end },
      },
      ...a.replies.map((r) => ({
        sourceId: `https://marginalia.test/api/v1/w3c/documents/doc-1/${a.id}/replies/${r.id}`,
        exact: '',
        tags: [],
        noteText: r.bodyText,
        created: r.created,
        modified: r.updated,
        creatorName: r.authorName,
        replyTo: `https://marginalia.test/api/v1/w3c/documents/doc-1/${a.id}`,
      })),
    ]);
    expect(items).toHaveLength(expected.length);
    items.forEach((item, i) => {
      const { prefix, suffix, ...rest } = expected[i] as (typeof expected)[number] & {
        prefix?: string;
        suffix?: string;
      };
      expect(item).toMatchObject(rest);
      expect([item.prefix, item.suffix]).toEqual([prefix, suffix]);
    });
  });

  it('keeps the block hint, and the fragment only for a quote inside one block', () => {
    const first = items.find((i) => i.sourceId?.endsWith(richNote.id));
    expect(first).toMatchObject({
      fragment: 'p-7',
      targetSource: 'https://marginalia.test/documents/face-time',
    });
    expect(first?.noteParts?.[0]).toMatchObject({
      format: 'html',
      value: expect.stringContaining('<strong>the crux</strong>'),
    });
    const across = items.find((i) => i.sourceId?.endsWith(acrossBlocks.id));
    expect(across?.fragment).toBeUndefined();
    expect(across?.blockHint).toEqual({
      start: { block: 'p-7', offset: 120 },
      end: { block: 'p-8', offset: 14 },
    });
  });

  it('reads a single exported annotation or an array of them as well', () => {
    const objects = annotationToJsonLd(richNote, ctx);
    expect(parseW3CImport(objects[0]).items).toHaveLength(1);
    expect(parseW3CImport(objects).items.map((i) => i.replyTo ?? null)).toEqual([
      null,
      objects[0].id,
      objects[0].id,
    ]);
  });
});

describe('parseW3CImport: bodies and targets', () => {
  it('reads tagging bodies as normalised tags and other textual bodies as the note', () => {
    const { items } = parseW3CImport(
      anno({
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: '  Key Claim ' },
          { type: 'TextualBody', purpose: 'tagging', value: 'key_claim' },
          { type: 'TextualBody', purpose: ['tagging'], value: '证据' },
          { type: 'TextualBody', value: 'First thought.' },
          {
            type: 'TextualBody',
            purpose: 'commenting',
            format: 'text/html',
            value:
              '<p>Second &amp; <b>bold</b></p><ul><li>one</li><li>two</li></ul><script>alert(1)</script>',
          },
          'http://example.org/a-linked-resource',
          { id: 'http://example.org/audio1', type: 'Sound' },
        ],
      }),
    );
    expect(items[0].tags).toEqual(['key-claim', '证据']);
    expect(items[0].noteText).toBe('First thought.\n\nSecond & bold\n\n- one\n- two');
    expect(items[0].noteParts?.map((p) => p.format)).toEqual(['plain', 'html']);
    expect(items[0].noteParts?.[1].value).toContain('<b>bold</b>');
  });

  it('lets a body without purpose take the motivation, and reads bodyValue', () => {
    expect(
      parseW3CImport(anno({ motivation: 'tagging', body: { type: 'TextualBody', value: 'Important' } }))
        .items[0],
    ).toMatchObject({ tags: ['important'], noteText: '' });
    expect(parseW3CImport(anno({ bodyValue: 'A plain comment' })).items[0]).toMatchObject({
      tags: [],
      noteText: 'A plain comment',
    });
    const mixed = anno({
      motivation: ['commenting', 'tagging'],
      body: [
        { type: 'TextualBody', value: 'A long comment' },
        { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      ],
    });
    expect(parseW3CImport(mixed).items[0]).toMatchObject({ tags: ['claim'], noteText: 'A long comment' });
  });

  it('takes the plain-text alternative of a Choice', () => {
    const { items } = parseW3CImport(
      anno({
        body: {
          type: 'Choice',
          items: [
            { type: 'TextualBody', value: '<p>Rich</p>', format: 'text/html' },
            { type: 'TextualBody', value: 'Plain', format: 'text/plain' },
          ],
        },
      }),
    );
    expect(items[0]).toMatchObject({
      noteText: 'Plain',
      noteParts: [{ format: 'html', value: '<p>Rich</p>' }],
    });
  });

  it('finds the quote in a refinedBy chain and in selector arrays, with position and fragment hints', () => {
    const { items } = parseW3CImport(
      anno({
        target: [
          'http://example.org/other',
          {
            source: 'http://example.org/doc',
            selector: [
              { type: 'TextPositionSelector', start: 5, end: 17 },
              {
                type: 'FragmentSelector',
                value: 'p-3',
                refinedBy: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'some ' },
              },
            ],
          },
        ],
      }),
    );
    expect(items[0]).toMatchObject({
      exact: 'quoted words',
      prefix: 'some ',
      fragment: 'p-3',
      positionHint: { start: 5, end: 17 },
    });
  });

  it('rejects an annotation whose target cannot be anchored in text', () => {
    for (const target of [
      'http://example.org/page',
      { source: 'http://example.org/page', selector: { type: 'CssSelector', value: 'p' } },
    ]) {
      expect(parseW3CImport(anno({ target })).rejected).toEqual([
        { index: 0, id: 'http://example.org/a1', reason: NO_TEXT_QUOTE_REASON },
      ]);
    }
    expect(parseW3CImport(anno({ target: textTarget('') })).rejected[0].reason).toMatch(/empty "exact"/);
  });

  it('reads an annotation on another annotation of the file as a reply, even without "replying"', () => {
    const { items } = parseW3CImport([
      anno({}),
      {
        '@context': CONTEXT,
        id: 'http://example.org/r1',
        type: 'Annotation',
        bodyValue: 'Why?',
        target: 'http://example.org/a1',
      },
    ]);
    expect(items[1]).toMatchObject({
      sourceId: 'http://example.org/r1',
      replyTo: 'http://example.org/a1',
      noteText: 'Why?',
      exact: '',
    });
  });

  it('rejects items that are not objects, and input that is not annotations at all', () => {
    expect(parseW3CImport([anno({}), 42]).rejected).toEqual([
      { index: 1, id: null, reason: expect.stringMatching(/^not an annotation/) },
    ]);
    expect(parseW3CImport(null).rejected).toHaveLength(1);
    expect(parseW3CImport({ hello: 'world' }).rejected[0].reason).toMatch(/3\.1-annotationContextValidated/);
  });

  it('rejects an item nested too deeply to read, keeping the others', () => {
    let body: unknown = { type: 'TextualBody', value: 'deep' };
    for (let i = 0; i < 20_000; i += 1) body = { type: 'Choice', items: [body] };
    const { items, rejected } = parseW3CImport([anno({ id: 'http://example.org/deep', body }), anno({})]);
    expect(rejected).toEqual([
      { index: 0, id: 'http://example.org/deep', reason: 'could not be read: it is nested too deeply' },
    ]);
    expect(items.map((i) => i.sourceId)).toEqual(['http://example.org/a1']);
  });

  it('tolerates trailing commas and a byte order mark in the file', () => {
    const text = `\uFEFF${JSON.stringify(anno({ bodyValue: 'x, }' }), null, 2).replace(/\n}$/, ',\n}')}`;
    expect(parseW3CImportText(text).items[0]).toMatchObject({ noteText: 'x, }' });
  });
});

describe('parseW3CImport: Hypothesis', () => {
  const search = JSON.parse(
    readFileSync(new URL('../../tests/fixtures/w3c/hypothesis-search.json', import.meta.url), 'utf8'),
  );

  it('reads Hypothesis API annotations, their tags, note, author and replies', () => {
    const { items, rejected } = parseW3CImport(search);
    expect(items[0]).toEqual({
      sourceId: 'Zx1aBc2DEe-3fGhIjKlMnA',
      exact: 'the camera is always on',
      prefix: 'In the meeting room, ',
      suffix: ', and everyone knows it',
      positionHint: { start: 1464, end: 1510 },
      targetSource: 'https://example.com/face-time',
      tags: ['framing', 'key-claim'],
      noteText: 'The **framing** here is doing a lot of work.',
      noteParts: [{ format: 'markdown', value: 'The **framing** here is doing a lot of work.' }],
      created: new Date('2024-11-05T14:02:11.123Z'),
      modified: new Date('2024-11-05T14:09:40.654Z'),
      creatorName: 'Reader One',
      replyTo: null,
    });
    expect(items[1]).toMatchObject({
      sourceId: 'Qr7sTu8VWx-9yZaBcDeFgH',
      replyTo: 'Zx1aBc2DEe-3fGhIjKlMnA',
      creatorName: 'second',
      exact: '',
    });
    expect(rejected).toEqual([{ index: 2, id: 'Pg3NoTe4Only-5AbCdEfGh', reason: NO_TEXT_QUOTE_REASON }]);
  });

  it('reads a single Hypothesis annotation, and its JSON-LD form', () => {
    expect(parseW3CImport(search.rows[0]).items[0].sourceId).toBe('Zx1aBc2DEe-3fGhIjKlMnA');
    const jsonld = {
      '@context': CONTEXT,
      type: 'Annotation',
      id: 'https://hypothes.is/a/Zx1aBc2DEe-3fGhIjKlMnA',
      created: '2024-11-05T14:02:11.123456+00:00',
      modified: '2024-11-05T14:09:40.654321+00:00',
      creator: 'acct:reader_one@hypothes.is',
      body: [
        { type: 'TextualBody', value: 'The **framing**', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Framing' },
      ],
      // h's JSON-LD presenter rewrites its client's RangeSelector into W3C form.
      target: [
        {
          source: 'https://example.com/face-time',
          selector: [
            {
              type: 'XPathSelector',
              value: '/main[1]/p[7]',
              refinedBy: { type: 'TextPositionSelector', start: 12, end: 58 },
            },
            ...search.rows[0].target[0].selector.slice(1),
          ],
        },
      ],
    };
    expect(parseW3CImport(jsonld)).toMatchObject({
      rejected: [],
      items: [
        {
          exact: 'the camera is always on',
          tags: ['framing'],
          noteText: 'The **framing**',
          noteParts: [{ format: 'markdown', value: 'The **framing**' }],
        },
      ],
    });
  });

  it('reads a quote given as one target per paragraph as one quote across them', () => {
    const { items } = parseW3CImport({
      '@context': CONTEXT,
      id: 'urn:two-targets',
      type: 'Annotation',
      target: [
        {
          source: 'https://example.org/doc',
          selector: [
            { type: 'TextQuoteSelector', exact: 'end of one', prefix: 'the ' },
            { type: 'TextPositionSelector', start: 10, end: 20 },
          ],
        },
        {
          source: 'https://example.org/doc',
          selector: [
            { type: 'TextQuoteSelector', exact: 'start of two', suffix: ' goes on' },
            { type: 'TextPositionSelector', start: 21, end: 33 },
          ],
        },
      ],
    });
    expect(items[0]).toMatchObject({
      exact: 'end of one\nstart of two',
      prefix: 'the ',
      suffix: ' goes on',
      positionHint: { start: 10, end: 33 },
    });
  });

  it('rejects a Hypothesis annotation with malformed fields', () => {
    const bad = { ...search.rows[0], tags: 'framing' };
    expect(parseW3CImport(bad).rejected[0].reason).toBe(
      'Hypothesis annotation: "tags" is not an array of strings',
    );
  });
});
