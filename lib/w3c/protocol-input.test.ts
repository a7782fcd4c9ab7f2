import { beforeAll, describe, expect, it } from 'vitest';
import { readProtocolAnnotation } from './protocol-input';

const base = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  body: [
    { type: 'TextualBody', value: 'Why here?', purpose: 'commenting' },
    { type: 'TextualBody', value: 'Evidence', purpose: 'tagging' },
  ],
  target: {
    source: 'https://m.test/documents/face-time',
    selector: {
      type: 'FragmentSelector',
      value: 'p-3',
      refinedBy: { type: 'TextQuoteSelector', exact: 'the quote', prefix: 'before ' },
    },
  },
};

describe('readProtocolAnnotation', () => {
  // The first read compiles the W3C suite's JSON schemas: slow on a loaded machine.
  beforeAll(() => void readProtocolAnnotation(base), 60_000);

  it('reads quote, tags and note as the importer does, without an id of its own', () => {
    const read = readProtocolAnnotation(base);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.item).toMatchObject({
      exact: 'the quote',
      prefix: 'before ',
      fragment: 'p-3',
      tags: ['evidence'],
    });
    expect(read.value.item.noteText).toBe('Why here?');
    expect(read.value.via).toBeUndefined();
  });

  it('keeps canonical and turns the client id into via', () => {
    const read = readProtocolAnnotation({ ...base, id: 'https://x.test/a/1', canonical: 'urn:uuid:1' });
    expect(read.ok && read.value).toMatchObject({ via: 'https://x.test/a/1', canonical: 'urn:uuid:1' });
  });

  it('reads the seminar from mg:group and privacy from mg:visibility', () => {
    const groupId = '2f637876-577f-4109-b78f-00d32ea49886';
    const shared = readProtocolAnnotation({
      ...base,
      'mg:group': { id: `https://m.test/groups/${groupId}` },
    });
    expect(shared.ok && shared.value.groupId).toBe(groupId);
    const mine = readProtocolAnnotation({ ...base, 'mg:visibility': 'private' });
    expect(mine.ok && mine.value.groupId).toBeNull();
  });

  it('refuses what is not one text annotation', () => {
    expect(readProtocolAnnotation([base]).ok).toBe(false);
    expect(readProtocolAnnotation({ ...base, id: 'not an iri' }).ok).toBe(false);
    expect(
      readProtocolAnnotation({
        ...base,
        target: 'https://m.test/api/v1/annotations/1',
        motivation: 'replying',
      }).ok,
    ).toBe(false);
    expect(readProtocolAnnotation({ ...base, type: 'Person' }).ok).toBe(false);
    expect(
      readProtocolAnnotation({ ...base, target: { selector: { type: 'TextQuoteSelector', exact: '' } } }).ok,
    ).toBe(false);
  });
});
