import { describe, expect, it } from 'vitest';
import { buildDocumentIndex, describeTarget } from '@/lib/anchoring/document-text';
import { targetColumns } from './target-columns';

const index = buildDocumentIndex([
  { anchor: 'title', text: 'Face Time' },
  { anchor: 'p-1', text: 'On August 3, a meeting.' },
  { anchor: 'p-2', text: 'Historically, relations.' },
]);

describe('targetColumns', () => {
  it('stores block positions for document order beside anchors and offsets', () => {
    const columns = targetColumns(
      index,
      describeTarget(index, { block: 'p-1', offset: 3 }, { block: 'p-2', offset: 12 }),
    );
    expect(columns).toMatchObject({
      startBlock: 'p-1',
      startIndex: 1,
      startOffset: 3,
      endBlock: 'p-2',
      endIndex: 2,
      endOffset: 12,
      exact: 'August 3, a meeting.\n\nHistorically',
    });
  });

  it('refuses a block that is not in the version', () => {
    expect(() =>
      targetColumns(index, {
        start: { block: 'p-9', offset: 0 },
        end: { block: 'p-9', offset: 1 },
        exact: 'x',
        prefix: '',
        suffix: '',
      }),
    ).toThrow(RangeError);
  });
});
