import { describe, expect, it } from 'vitest';
import { vocabularyDocument } from './vocabulary';

describe('vocabularyDocument', () => {
  it('is a JSON-LD context for the mg: terms the exports use, at the app’s own IRI', () => {
    const doc = vocabularyDocument('https://m.test/');
    const context = doc['@context'] as Record<string, unknown>;
    expect(context.mg).toBe('https://m.test/ns#');
    for (const term of [
      'startBlock',
      'startOffset',
      'endBlock',
      'endOffset',
      'visibility',
      'group',
      'anchorStatus',
      'documentVersion',
      'hidden',
    ])
      expect(context[`mg:${term}`], term).toBeDefined();
    expect(doc['@id']).toBe('https://m.test/ns');
    expect((doc['@graph'] as unknown[]).length).toBe(9);
  });
});
