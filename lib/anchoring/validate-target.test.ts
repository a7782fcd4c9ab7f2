import { describe, expect, it } from 'vitest';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';
import type { TargetInput } from './types';
import { validateTarget } from './validate-target';

const blocks = loadFaceTimeBlocks();
const index = buildDocumentIndex(blocks);
const p3 = blocks[3].text;
const fiji = p3.indexOf('in Fiji');

function input(overrides: Partial<TargetInput> & Record<string, unknown> = {}): TargetInput {
  return {
    start: { block: 'p-3', offset: fiji },
    end: { block: 'p-3', offset: fiji + 7 },
    exact: 'in Fiji',
    ...overrides,
  } as TargetInput;
}

describe('validateTarget accepts', () => {
  it('a quote within one block, recomputing prefix and suffix', () => {
    const result = validateTarget(index, input({ prefix: 'forged', suffix: 'forged' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.target.exact).toBe('in Fiji');
    expect(result.target.prefix).toBe(p3.slice(fiji - 32, fiji));
    expect(result.target.suffix).toBe(p3.slice(fiji + 7, fiji + 39));
  });

  it('a quote across blocks, with the blank line between them', () => {
    const start = { block: 'p-2', offset: 9 };
    const end = { block: 'p-4', offset: 12 };
    const exact = quoteBetween(index, start, end);
    expect(exact.startsWith('Updated Dec.1\n\nOn August 3')).toBe(true);
    expect(validateTarget(index, { start, end, exact }).ok).toBe(true);
  });

  it('a whole block, from offset 0 to its length', () => {
    const text = blocks[2].text;
    const result = validateTarget(index, {
      start: { block: 'p-2', offset: 0 },
      end: { block: 'p-2', offset: text.length },
      exact: text,
    });
    expect(result.ok).toBe(true);
  });

  it('a quote next to an emoji when the offsets fall between characters', () => {
    const emoji = buildDocumentIndex([{ anchor: 'p-1', text: 'Nice 👍🏽 work' }]);
    const result = validateTarget(emoji, {
      start: { block: 'p-1', offset: 5 },
      end: { block: 'p-1', offset: 9 },
      exact: '👍🏽',
    });
    expect(result.ok).toBe(true);
  });
});

describe('validateTarget rejects', () => {
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    [
      'an unknown start block',
      { start: { block: 'p-404', offset: 0 } },
      { 'target.start.block': expect.stringContaining('p-404') },
    ],
    [
      'an unknown end block',
      { end: { block: 'p-404', offset: 0 } },
      { 'target.end.block': expect.any(String) },
    ],
    ['a missing block anchor', { start: { offset: 3 } }, { 'target.start.block': expect.any(String) }],
    [
      'a negative offset',
      { start: { block: 'p-3', offset: -1 } },
      { 'target.start.offset': expect.stringContaining('negative') },
    ],
    [
      'a fractional offset',
      { end: { block: 'p-3', offset: fiji + 6.5 } },
      { 'target.end.offset': expect.stringContaining('whole') },
    ],
    [
      'an offset given as a string',
      { start: { block: 'p-3', offset: '12' } },
      { 'target.start.offset': expect.any(String) },
    ],
    ['NaN', { start: { block: 'p-3', offset: Number.NaN } }, { 'target.start.offset': expect.any(String) }],
    [
      'Infinity',
      { end: { block: 'p-3', offset: Number.POSITIVE_INFINITY } },
      { 'target.end.offset': expect.any(String) },
    ],
    [
      'an offset past the end of the block',
      { end: { block: 'p-3', offset: p3.length + 1 } },
      { 'target.end.offset': expect.stringContaining(`${p3.length}`) },
    ],
    [
      'an end block before the start block',
      { start: { block: 'p-4', offset: 0 } },
      { 'target.end.block': expect.stringContaining('before') },
    ],
    [
      'an end offset before the start offset',
      { end: { block: 'p-3', offset: fiji - 1 } },
      { 'target.end.offset': expect.stringContaining('before') },
    ],
    [
      'an empty selection',
      { end: { block: 'p-3', offset: fiji }, exact: '' },
      { 'target.end.offset': expect.stringContaining('empty') },
    ],
    [
      'a quote that does not match the text',
      { exact: 'in Fuji' },
      { 'target.exact': expect.stringContaining('does not match') },
    ],
    [
      'a quote with straight instead of curly quotes',
      {
        start: { block: 'p-3', offset: p3.indexOf('China’s') },
        end: { block: 'p-3', offset: p3.indexOf('China’s') + 7 },
        exact: "China's",
      },
      { 'target.exact': expect.any(String) },
    ],
    [
      'a quote of the right text at the wrong place',
      { start: { block: 'p-3', offset: 0 }, end: { block: 'p-3', offset: 7 } },
      { 'target.exact': expect.any(String) },
    ],
    ['a missing quote', { exact: undefined }, { 'target.exact': expect.stringContaining('required') }],
  ];

  it.each(cases)('%s', (_name, overrides, fields) => {
    const result = validateTarget(index, input(overrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual(fields);
  });

  it('a selection that covers only the gap between two blocks', () => {
    const result = validateTarget(index, {
      start: { block: 'p-2', offset: blocks[2].text.length },
      end: { block: 'p-3', offset: 0 },
      exact: '\n\n',
    });
    expect(result).toEqual({ ok: false, fields: { 'target.end.offset': expect.stringContaining('empty') } });
  });

  it('offsets that split an emoji in two', () => {
    const emoji = buildDocumentIndex([{ anchor: 'p-1', text: 'Nice 👍 work' }]);
    const result = validateTarget(emoji, {
      start: { block: 'p-1', offset: 6 },
      end: { block: 'p-1', offset: 11 },
      exact: '\udc4d work',
    });
    expect(result).toEqual({
      ok: false,
      fields: { 'target.start.offset': expect.stringContaining('splits') },
    });
    const endResult = validateTarget(emoji, {
      start: { block: 'p-1', offset: 0 },
      end: { block: 'p-1', offset: 6 },
      exact: 'Nice \ud83d',
    });
    expect(endResult).toEqual({
      ok: false,
      fields: { 'target.end.offset': expect.stringContaining('splits') },
    });
  });

  it('reports every broken field at once', () => {
    const result = validateTarget(index, {
      start: { block: 'p-404', offset: -3 },
      end: { block: 'p-3', offset: 1e9 },
      exact: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual([
      'target.end.offset',
      'target.start.block',
      'target.start.offset',
    ]);
  });

  it('a body with no points at all', () => {
    const result = validateTarget(index, { exact: 'x' } as unknown as TargetInput);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual([
      'target.end.block',
      'target.end.offset',
      'target.start.block',
      'target.start.offset',
    ]);
  });
});
