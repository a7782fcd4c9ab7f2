import { describe, expect, it } from 'vitest';
import {
  CONTAINER_PATH,
  PREFER_CONTAINED_DESCRIPTIONS,
  PREFER_CONTAINED_IRIS,
  PREFER_MINIMAL_CONTAINER,
  containerBody,
  documentContainerIri,
  etagOf,
  ifMatchSatisfied,
  lastPageOf,
  negotiate,
  pageBody,
  parsePrefer,
} from './protocol';

const container = 'https://m.test/api/v1/w3c/documents/d1/';

describe('negotiate', () => {
  it('gives containers JSON-LD for JSON, JSON-LD, wildcards and no Accept, and nothing for HTML only', () => {
    expect(negotiate(null, 'container')).toBe('jsonld');
    expect(negotiate('*/*', 'container')).toBe('jsonld');
    expect(negotiate('application/json', 'container')).toBe('jsonld');
    expect(negotiate('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', 'container')).toBe(
      'jsonld',
    );
    expect(negotiate('text/html', 'container')).toBeNull();
    expect(negotiate('text/turtle, application/ld+json;q=0', 'container')).toBeNull();
  });

  it('keeps the app JSON at an annotation IRI unless JSON-LD is asked for', () => {
    expect(negotiate(null, 'annotation')).toBe('json');
    expect(negotiate('*/*', 'annotation')).toBe('json');
    expect(negotiate('application/json', 'annotation')).toBe('json');
    expect(negotiate('application/ld+json', 'annotation')).toBe('jsonld');
    expect(negotiate('application/json;q=0.5, application/ld+json', 'annotation')).toBe('jsonld');
    expect(negotiate('application/json, application/ld+json;q=0.4', 'annotation')).toBe('json');
    expect(negotiate('text/turtle', 'annotation')).toBeNull();
  });
});

describe('parsePrefer', () => {
  it('reads the three preferences of §5.3', () => {
    expect(parsePrefer(null)).toEqual({ iris: false, minimal: false, asked: false });
    expect(parsePrefer(`return=representation; include="${PREFER_MINIMAL_CONTAINER}"`)).toMatchObject({
      minimal: true,
      iris: false,
    });
    expect(
      parsePrefer(`return=representation;include="${PREFER_MINIMAL_CONTAINER} ${PREFER_CONTAINED_IRIS}"`),
    ).toMatchObject({ minimal: true, iris: true, asked: true });
    expect(parsePrefer(`return=representation; include="${PREFER_CONTAINED_DESCRIPTIONS}"`)).toMatchObject({
      iris: false,
    });
    expect(parsePrefer(`return=representation; omit="${PREFER_CONTAINED_DESCRIPTIONS}"`).iris).toBe(true);
    expect(parsePrefer('respond-async').asked).toBe(false);
  });
});

describe('ETags', () => {
  it('are strong, stable and different for different bytes', () => {
    expect(etagOf('a')).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf('a')).toBe(etagOf('a'));
    expect(etagOf('a')).not.toBe(etagOf('b'));
  });

  it('If-Match takes *, lists and strong tags only', () => {
    const tag = etagOf('x');
    expect(ifMatchSatisfied('*', tag)).toBe(true);
    expect(ifMatchSatisfied(`"other", ${tag}`, tag)).toBe(true);
    expect(ifMatchSatisfied(`W/${tag}`, tag)).toBe(false);
    expect(ifMatchSatisfied('"stale"', tag)).toBe(false);
  });
});

describe('containers and pages', () => {
  const facts = {
    container,
    label: 'L',
    total: 120,
    modified: new Date('2026-01-01T00:00:00Z'),
    pageSize: 50,
  };

  it('has IRIs ending in "/" and recognised by the proxy', () => {
    expect(documentContainerIri('https://m.test/', 'd1')).toBe(container);
    expect(documentContainerIri('https://m.test', 'd1', 'g1')).toBe(`${container}groups/g1/`);
    expect(CONTAINER_PATH.test('/api/v1/w3c/documents/d1/')).toBe(true);
    expect(CONTAINER_PATH.test('/api/v1/w3c/documents/d1/groups/g1/')).toBe(true);
    expect(CONTAINER_PATH.test('/api/v1/w3c/documents/d1')).toBe(false);
    expect(CONTAINER_PATH.test('/api/v1/documents/d1/')).toBe(false);
  });

  it('links first, middle and last pages', () => {
    expect(lastPageOf(120, 50)).toBe(2);
    expect(lastPageOf(0, 50)).toBe(0);
    const first = pageBody(facts, false, 0, [], true);
    expect(first).toMatchObject({ type: 'AnnotationPage', startIndex: 0, next: `${container}?page=1` });
    expect(first.prev).toBeUndefined();
    expect(first.partOf).toEqual({ id: container, total: 120, modified: '2026-01-01T00:00:00.000Z' });
    const middle = pageBody(facts, true, 1, [], false);
    expect(middle).toMatchObject({ prev: `${container}?iris=1&page=0`, next: `${container}?iris=1&page=2` });
    expect(middle['@context']).toBeUndefined();
    expect(pageBody(facts, false, 2, [], true).next).toBeUndefined();
  });

  it('embeds the first page unless a minimal container is preferred', () => {
    const page = pageBody(facts, false, 0, ['x'], false);
    const full = containerBody(facts, { iris: false, minimal: false, asked: false }, page);
    expect(full).toMatchObject({
      id: container,
      type: ['BasicContainer', 'AnnotationCollection'],
      total: 120,
    });
    expect(full.first).toBe(page);
    expect(full.last).toBe(`${container}?page=2`);
    const minimal = containerBody(facts, { iris: true, minimal: true, asked: true }, null);
    expect(minimal).toMatchObject({ id: `${container}?iris=1`, first: `${container}?iris=1&page=0` });
    const empty = containerBody({ ...facts, total: 0 }, { iris: false, minimal: false, asked: false }, null);
    expect(empty.first).toBeUndefined();
  });
});
