import { describe, expect, it } from 'vitest';
import { collectLinkingAnnotations, linkToJsonLd, readLinkingAnnotation, type ExportLink } from './links';
import { checkAnnotationMusts } from './validate';

const BASE = 'https://marginalia.example.org';
const CONTAINER = `${BASE}/api/v1/w3c/documents/55555555-0000-4000-8000-000000000005`;
const link: ExportLink = {
  id: '11111111-0000-4000-8000-000000000001',
  documentId: '55555555-0000-4000-8000-000000000005',
  fromId: '22222222-0000-4000-8000-000000000002',
  toId: '33333333-0000-4000-8000-000000000003',
  relation: 'supports',
  note: 'The survey backs the claim.',
  author: { id: 'u1', name: 'Ada' },
  group: { id: '44444444-0000-4000-8000-000000000004', name: 'Seminar' },
  created: new Date('2026-11-30T10:00:00Z'),
  updated: new Date('2026-11-30T10:05:00Z'),
};

describe('linkToJsonLd', () => {
  it('writes a linking annotation that passes the W3C suite’s must assertions', () => {
    const anno = linkToJsonLd(link, BASE);
    expect(anno).toMatchObject({
      motivation: 'linking',
      target: [`${CONTAINER}/${link.fromId}`, `${CONTAINER}/${link.toId}`],
      body: [
        {
          type: 'SpecificResource',
          purpose: 'classifying',
          source: `${BASE}/ns#relation/supports`,
        },
        { type: 'TextualBody', purpose: 'commenting', value: link.note },
      ],
      'mg:relation': 'supports',
      'mg:visibility': 'group',
    });
    const check = checkAnnotationMusts(anno);
    expect(check.failures).toEqual([]);
    expect(checkAnnotationMusts(linkToJsonLd({ ...link, note: '', group: null }, BASE)).failures).toEqual([]);
    // compiling the suite's schemas takes a while on a busy machine
  }, 30_000);
});

describe('readLinkingAnnotation', () => {
  it('reads back what linkToJsonLd wrote', () => {
    expect(readLinkingAnnotation(linkToJsonLd(link, BASE))).toEqual({
      sourceId: `${BASE}/api/v1/links/${link.id}`,
      from: `${CONTAINER}/${link.fromId}`,
      to: `${CONTAINER}/${link.toId}`,
      relation: 'supports',
      note: link.note,
    });
  });

  it('reads a plain linking annotation by its targets and its classifying body', () => {
    expect(
      readLinkingAnnotation({
        id: 'urn:x:1',
        type: 'Annotation',
        motivation: 'linking',
        body: { type: 'SpecificResource', purpose: 'classifying', source: 'mg:frames' },
        target: [{ id: 'urn:a' }, 'urn:b'],
      }),
    ).toEqual({ sourceId: 'urn:x:1', from: 'urn:a', to: 'urn:b', relation: 'frames', note: '' });
  });

  it('ignores other annotations, self-links and links with no relation', () => {
    expect(readLinkingAnnotation({ id: 'a', motivation: 'commenting', target: ['x', 'y'] })).toBeNull();
    const self = { ...linkToJsonLd(link, BASE), 'mg:linkTo': `${CONTAINER}/${link.fromId}` };
    expect(readLinkingAnnotation(self)).toBeNull();
    expect(readLinkingAnnotation({ id: 'a', motivation: 'linking', target: ['x', 'y'] })).toBeNull();
  });

  it('finds the links of a collection', () => {
    const collection = {
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [{ id: 'n', motivation: 'commenting' }, linkToJsonLd(link, BASE)],
      },
    };
    expect(collectLinkingAnnotations(collection).map((l) => l.relation)).toEqual(['supports']);
  });
});
