import { describe, expect, it } from 'vitest';
import { blockPositions, sortInDocumentOrder } from './document-order';

const at = (id: string, block: string, offset: number, createdAt = '2026-11-30T09:00:00.000Z') => ({
  id,
  createdAt,
  target: { start: { block, offset } },
});

describe('sortInDocumentOrder', () => {
  const positions = blockPositions(['title', 'p-1', 'p-2', 'p-12']);

  it('orders by block, then offset, whatever order the notes arrived in', () => {
    const list = [at('late', 'p-12', 0), at('b', 'p-2', 40), at('a', 'p-2', 3), at('t', 'title', 9)];
    expect(sortInDocumentOrder(list, positions).map((a) => a.id)).toEqual(['t', 'a', 'b', 'late']);
  });

  it('puts a live arrival in its place, not at the end', () => {
    const list = [at('p1', 'p-1', 0), at('p12', 'p-12', 0), at('new', 'p-2', 5)];
    expect(sortInDocumentOrder(list, positions).map((a) => a.id)).toEqual(['p1', 'new', 'p12']);
  });

  it('breaks ties on one passage by creation time, then id', () => {
    const list = [
      at('second', 'p-1', 0, '2026-11-30T10:00:00.000Z'),
      at('first', 'p-1', 0, '2026-11-30T09:00:00.000Z'),
      at('b', 'p-1', 0, '2026-11-30T11:00:00.000Z'),
      at('a', 'p-1', 0, '2026-11-30T11:00:00.000Z'),
    ];
    expect(sortInDocumentOrder(list, positions).map((a) => a.id)).toEqual(['first', 'second', 'a', 'b']);
  });

  it('keeps blocks it does not know after the known ones, and leaves the input alone', () => {
    const list = [at('gone', 'p-99', 0), at('p1', 'p-1', 0)];
    expect(sortInDocumentOrder(list, positions).map((a) => a.id)).toEqual(['p1', 'gone']);
    expect(list.map((a) => a.id)).toEqual(['gone', 'p1']);
  });
});
