import { describe, expect, it } from 'vitest';
import { isDateTime, isUri } from './formats';

describe('isUri (RFC 3986 absolute URI, as the suite\'s "uri" format)', () => {
  it.each([
    'http://example.org/anno1',
    'https://marginalia.test/api/v1/annotations/1?x=1#frag',
    'urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df',
    'acct:reader_one@hypothes.is',
    'https://marginalia.test/documents/%C3%BCn%C3%AF',
  ])('accepts %s', (value) => expect(isUri(value)).toBe(true));

  it.each([
    'not a uri',
    'fish',
    '/relative/path',
    'http://exa mple.org',
    'http://example.org/%zz',
    'http://example.org/ü',
    '',
  ])('refuses %j', (value) => expect(isUri(value)).toBe(false));
});

describe('isDateTime (RFC 3339)', () => {
  it.each(['2015-01-28T12:00:00Z', '2024-11-05T14:02:11.123456+00:00', '2024-02-29T23:59:60-05:30'])(
    'accepts %s',
    (value) => expect(isDateTime(value)).toBe(true),
  );

  it.each([
    'yesterday',
    '2015-01-28',
    '2015-01-28T12:00:00',
    '2023-02-29T00:00:00Z',
    '2015-13-01T00:00:00Z',
    '2015-01-28T24:00:00Z',
  ])('refuses %j', (value) => expect(isDateTime(value)).toBe(false));
});
