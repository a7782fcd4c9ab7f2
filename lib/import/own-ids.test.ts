import { describe, expect, it } from 'vitest';
import { ownIdOf, ownIds, serverOrigins } from './own-ids';

const id = '0b5c6a52-3f7e-4a8f-9d0e-1c2b3a4d5e6f';
const origins = serverOrigins('http://127.0.0.1:3000/', 'not a url', undefined, 'https://marginalia.example');

describe('ownIdOf', () => {
  it('finds the id an annotation or reply URL of this server ends in, whatever its path', () => {
    expect(ownIdOf(`http://127.0.0.1:3000/api/v1/annotations/${id}`, origins)).toBe(id);
    expect(
      ownIdOf(`https://marginalia.example/api/v1/annotations/x/replies/${id.toUpperCase()}`, origins),
    ).toBe(id);
    expect(ownIdOf(`https://marginalia.example/api/v1/w3c/annotations/${id}/?x=1#frag`, origins)).toBe(id);
    // an annotation's IRI under its document's container, and a reply's under it
    const container = 'http://127.0.0.1:3000/api/v1/w3c/documents/9d2e2c1a-0000-4000-8000-000000000001';
    expect(ownIdOf(`${container}/${id}`, origins)).toBe(id);
    expect(ownIdOf(`${container}/x/replies/${id}`, origins)).toBe(id);
  });

  it('ignores other origins, other schemes and URLs that do not end in an id', () => {
    expect(ownIdOf(`https://elsewhere.example/api/v1/annotations/${id}`, origins)).toBeNull();
    expect(ownIdOf(`http://127.0.0.1:3001/api/v1/annotations/${id}`, origins)).toBeNull();
    expect(ownIdOf(`urn:uuid:${id}`, origins)).toBeNull();
    expect(ownIdOf('http://127.0.0.1:3000/documents/face-time', origins)).toBeNull();
    expect(ownIdOf('http://127.0.0.1:3000/api/v1/annotations/%E0%A4%A', origins)).toBeNull();
    expect(ownIdOf(`http://127.0.0.1:3000/api/v1/annotations/${id}`, new Set())).toBeNull();
  });

  it('maps the items of a file to their ids here', () => {
    const url = `http://127.0.0.1:3000/api/v1/annotations/${id}`;
    expect([...ownIds([url, 'urn:x:1'], origins)]).toEqual([[url, id]]);
  });
});
