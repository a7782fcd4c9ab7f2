import { describe, expect, it } from 'vitest';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { buildDocumentIndex } from '@/lib/anchoring/document-text';
import { loadFaceTimeBlocks } from '@/lib/anchoring/fixtures/face-time-blocks';
import {
  MAX_QUOTE,
  checkedNote,
  indexItems,
  planAnnotations,
  recordInserted,
  type AnnotationPlanInput,
  type ImportItem,
} from './plan-annotations';

const index = buildDocumentIndex(loadFaceTimeBlocks());
const QUOTE = 'putting a seat belt on a speeding driver';

function item(over: Partial<ImportItem> & { index: number }): ImportItem {
  return { sourceId: null, exact: QUOTE, tags: ['claim'], noteText: '', ...over };
}

function input(items: ImportItem[], over: Partial<AnnotationPlanInput> = {}): AnnotationPlanInput {
  let n = 0;
  return {
    items,
    prior: new Map(),
    here: new Map(),
    align: (quote) => quote,
    visible: () => true,
    readerId: 'reader-1',
    documentId: 'doc-1',
    documentSlug: 'face-time',
    versionId: 'v-1',
    groupId: null,
    index,
    fromCodePoints: codePointMapping(index.text).fromCodePoints,
    tagId: (slug) => ({ claim: 'tag-claim', evidence: 'tag-evidence' })[slug],
    defaultTagId: 'tag-framing',
    now: new Date('2026-01-01T00:00:00Z'),
    newId: () => `new-${++n}`,
    ...over,
  };
}

describe('indexItems', () => {
  it('numbers items around the rejected entries, in file order', () => {
    const items = indexItems([item({ index: 0 }), item({ index: 0 })], [{ index: 0 }, { index: 2 }]);
    expect(items.map((i) => i.index)).toEqual([1, 3]);
  });
});

describe('checkedNote', () => {
  it('turns plain text into a note, and blank text into none', () => {
    expect(checkedNote('  ')).toEqual({ ok: true, doc: null, text: '' });
    expect(checkedNote('Two\nlines')).toMatchObject({ ok: true, text: 'Two\nlines' });
  });
  it('reads formatted parts through the allow-list, falling back to the text when they are too long', () => {
    const rich = checkedNote('bold and link', [
      { format: 'plain', value: 'First' },
      { format: 'html', value: '<p><b>bold</b> and <a href="https://example.org">link</a></p>' },
      { format: 'markdown', value: '- *item*' },
    ]);
    expect(rich.ok && rich.doc?.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'First' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
        ],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'item', marks: [{ type: 'italic' }] }] },
            ],
          },
        ],
      },
    ]);
    const long = `<p>${'<b>x</b> '.repeat(2500)}</p>`;
    expect(checkedNote('short text', [{ format: 'html', value: long }])).toMatchObject({
      text: 'short text',
    });
  });
});

describe('planAnnotations', () => {
  it('places each quote, maps tags, and falls back to the default tag', () => {
    const plan = planAnnotations(
      input([
        item({ index: 0, sourceId: 'a', tags: ['claim', 'evidence'], noteText: 'Seen' }),
        item({ index: 1, sourceId: 'b', tags: ['mystery'] }),
      ]),
    );
    expect(plan.toInsert.map((p) => p.tagIds)).toEqual([['tag-claim', 'tag-evidence'], ['tag-framing']]);
    expect(plan.toInsert[0].row).toMatchObject({
      id: 'new-1',
      status: 'ANCHORED',
      startBlock: 'p-13',
      exact: QUOTE,
      noteText: 'Seen',
      visibility: 'PRIVATE',
      sourceId: 'a',
    });
    expect(plan.defaulted).toBe(1);
    expect([...plan.unknownTags]).toEqual(['mystery']);
    expect(plan.skipped).toEqual([]);
  });

  it('keeps a quote it cannot find as an orphan with its text', () => {
    const plan = planAnnotations(
      input([item({ index: 0, exact: 'not a sentence of this article, anywhere' })]),
    );
    expect(plan.toInsert[0].row).toMatchObject({
      status: 'ORPHANED',
      exact: 'not a sentence of this article, anywhere',
      startOffset: 0,
      endOffset: 0,
    });
  });

  it('skips repeated ids, earlier imports and over-long quotes, reporting why', () => {
    const plan = planAnnotations(
      input(
        [
          item({ index: 0, sourceId: 'a' }),
          item({ index: 1, sourceId: 'a' }),
          item({ index: 2, sourceId: 'old' }),
          item({ index: 3, sourceId: 'gone' }),
          item({ index: 4, sourceId: 'theirs' }),
          item({ index: 5, exact: 'x'.repeat(MAX_QUOTE + 1) }),
        ],
        {
          prior: new Map([
            ['old', { id: 'old-id', authorId: 'reader-1', groupId: null, deletedAt: null }],
            ['gone', { id: 'gone-id', authorId: 'reader-1', groupId: null, deletedAt: new Date() }],
          ]),
          here: new Map([['theirs', 'their-id']]),
        },
      ),
    );
    expect(plan.skipped.map((s) => [s.index, s.reason])).toEqual([
      [1, 'the same id appears earlier in the file'],
      [2, 'already imported'],
      [3, 'already imported (and deleted since)'],
      [4, 'already here'],
      [5, 'the quote is longer than 20,000 characters'],
    ]);
    expect(plan.reportItems.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['old-id', 'ALREADY_IMPORTED', 'you imported it before'],
      [null, 'ALREADY_IMPORTED', 'you imported it before, and deleted it since'],
      ['their-id', 'ALREADY_HERE', "it is this server's own annotation, still in this document"],
    ]);
    expect(plan.toInsert).toHaveLength(1);
    expect(plan.withoutId).toBe(1);
  });

  it('notes annotations made on another page, and shares with the group it is given', () => {
    const plan = planAnnotations(
      input(
        [
          item({ index: 0, targetSource: 'https://example.org/elsewhere' }),
          item({ index: 1, targetSource: 'http://127.0.0.1:3000/documents/face-time#p-13' }),
        ],
        { groupId: 'g-1' },
      ),
    );
    expect(plan.foreign).toEqual({ count: 1, example: 'https://example.org/elsewhere' });
    expect(plan.toInsert[0].row).toMatchObject({ groupId: 'g-1', visibility: 'GROUP' });
  });
});

describe('recordInserted', () => {
  it('reports what went in, and what a concurrent import took meanwhile as already imported', () => {
    const plan = planAnnotations(
      input([
        item({ index: 0, sourceId: 'a' }),
        item({ index: 1, sourceId: 'b', exact: 'not a sentence of this article, anywhere' }),
        item({ index: 2, sourceId: 'c' }),
      ]),
    );
    const result = recordInserted(plan, new Set(['new-1', 'new-2']));
    expect(result).toMatchObject({ imported: 2, orphaned: 1 });
    expect([...result.newIdBySource]).toEqual([
      ['a', 'new-1'],
      ['b', 'new-2'],
    ]);
    expect(plan.reportItems.map((r) => r.status)).toEqual(['ANCHORED', 'ORPHANED', 'ALREADY_IMPORTED']);
    expect(plan.skipped).toEqual([{ index: 2, id: 'c', reason: 'already imported' }]);
  });
});
