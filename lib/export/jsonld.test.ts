import { describe, expect, it } from 'vitest';
import {
  acrossBlocks,
  awkwardCells,
  ctx,
  records,
  richNote,
  unicode,
} from '@/tests/fixtures/w3c/export-records';
import { checkCollectionDefinitions } from '@/lib/w3c/validate';
import {
  ANNO_CONTEXT,
  annotationToJsonLd,
  jsonLdEnd,
  jsonLdItem,
  jsonLdStart,
  type JsonLdObject,
} from './jsonld';

const collectionId = 'https://marginalia.test/api/v1/documents/doc-1/export?format=jsonld';
const annoIri = (id: string) => `https://marginalia.test/api/v1/w3c/documents/doc-1/${id}`;

function streamExport(list = records): string {
  const total = list.reduce((n, a) => n + 1 + a.replies.length, 0);
  let out = jsonLdStart(ctx, { collectionId, total });
  list.forEach((a, i) => {
    out += jsonLdItem(a, ctx, i === 0);
  });
  return out + jsonLdEnd();
}

describe('JSON-LD export', () => {
  it('describes a commented annotation with its note, one tagging body per tag, and its target', () => {
    const [anno] = annotationToJsonLd(richNote, ctx);
    expect(anno).toMatchObject({
      '@context': [ANNO_CONTEXT, { mg: 'https://marginalia.test/ns#' }],
      id: annoIri(richNote.id),
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-02-01T09:00:00.000Z',
      modified: '2025-02-01T09:15:00.000Z',
      creator: { id: 'https://marginalia.test/users/user-alice', type: 'Person', name: 'Alice Martin' },
      generator: { type: 'Software', name: 'Marginalia' },
      'mg:visibility': 'group',
      'mg:group': { id: 'https://marginalia.test/groups/group-1', name: 'Seminar A, Tuesday' },
      'mg:anchorStatus': 'ANCHORED',
    });
    const body = anno.body as JsonLdObject[];
    expect(body[0]).toMatchObject({ type: 'Choice' });
    const [plain, html] = body[0].items as JsonLdObject[];
    expect(plain).toEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/plain',
      value: richNote.noteText,
    });
    expect(html).toMatchObject({ type: 'TextualBody', purpose: 'commenting', format: 'text/html' });
    expect(html.value).toContain('<strong>the crux</strong>');
    expect(body.slice(1)).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }]);
    expect(anno.target).toEqual({
      source: 'https://marginalia.test/documents/face-time',
      selector: [
        {
          type: 'FragmentSelector',
          conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
          value: 'p-7',
          refinedBy: {
            type: 'TextQuoteSelector',
            exact: richNote.exact,
            prefix: 'text before ',
            suffix: ' text after',
          },
        },
        { type: 'TextPositionSelector', start: 400, end: 438 },
      ],
      'mg:documentVersion': 2,
      'mg:startBlock': 'p-7',
      'mg:startOffset': 10,
      'mg:endBlock': 'p-7',
      'mg:endOffset': 48,
    });
  });

  it('uses a plain-text body when there is no formatted note, and "tagging" when there is no note', () => {
    const [plain] = annotationToJsonLd(awkwardCells, ctx);
    expect((plain.body as JsonLdObject[])[0]).toEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/plain',
      value: awkwardCells.noteText,
    });
    expect(plain).not.toHaveProperty('mg:group');
    expect(plain['mg:visibility']).toBe('private');
    const [tagged] = annotationToJsonLd(acrossBlocks, ctx);
    expect(tagged.motivation).toBe('tagging');
    expect((tagged.body as JsonLdObject[]).map((b) => b.value)).toEqual(['claim', 'evidence', 'framing']);
  });

  it('locates a quote across blocks in the whole document rather than inside one block', () => {
    const [anno] = annotationToJsonLd(acrossBlocks, ctx);
    const target = anno.target as JsonLdObject;
    expect(target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: acrossBlocks.exact, prefix: 'text before ', suffix: ' text after' },
      { type: 'TextPositionSelector', start: 400, end: 400 + acrossBlocks.exact.length },
    ]);
    expect(target['mg:endBlock']).toBe('p-8');
    expect(anno['mg:anchorStatus']).toBe('ORPHANED');
  });

  it('writes each reply as an annotation replying to the annotation', () => {
    const [, bob, hidden] = annotationToJsonLd(richNote, ctx);
    expect(bob).toMatchObject({
      id: `${annoIri(richNote.id)}/replies/r-1`,
      type: 'Annotation',
      motivation: 'replying',
      target: annoIri(richNote.id),
      creator: { type: 'Person', name: 'Bob' },
    });
    expect(bob).not.toHaveProperty('mg:hidden');
    expect(hidden['mg:hidden']).toBe(true);
    expect(annotationToJsonLd(unicode, ctx)[1].body).toEqual({
      type: 'TextualBody',
      format: 'text/plain',
      value: '同意 ✅',
    });
  });

  it('streams a collection that parses as JSON, with every annotation and reply as an item', () => {
    const parsed = JSON.parse(streamExport());
    expect(parsed).toMatchObject({
      id: collectionId,
      type: 'AnnotationCollection',
      total: 8,
      label: 'Annotations on “Face Time”',
    });
    expect(parsed.first).toMatchObject({ type: 'AnnotationPage', partOf: collectionId, startIndex: 0 });
    const items = parsed.first.items as JsonLdObject[];
    expect(items).toHaveLength(8);
    expect(items).toEqual(records.flatMap((a) => annotationToJsonLd(a, ctx)));
    expect(checkCollectionDefinitions(parsed)).toEqual({ ok: true, failures: [] });
  });

  it('writes each item byte for byte as JSON.stringify of annotationToJsonLd', () => {
    const variants = [
      ...records,
      { ...richNote, tags: [], noteText: '', noteDoc: null },
      { ...awkwardCells, tags: [], noteText: '  ', prefix: 'p', suffix: '' },
      { ...unicode, replies: [{ ...unicode.replies[0], bodyText: ' ', hidden: true }] },
    ];
    variants.forEach((a, i) => {
      const expected = annotationToJsonLd(a, ctx)
        .map((obj, j) => `${i === 0 && j === 0 ? '' : ','}\n      ${JSON.stringify(obj)}`)
        .join('');
      expect(jsonLdItem(a, ctx, i === 0)).toBe(expected);
    });
  });

  it('streams an empty collection and one item per line', () => {
    expect(JSON.parse(streamExport([])).first.items).toEqual([]);
    const text = streamExport([richNote]);
    const itemLines = text.split('\n').filter((line) => line.trimStart().startsWith('{"@context"'));
    expect(itemLines).toHaveLength(3);
  });
});
