import { describe, expect, it } from 'vitest';
import { compareListPositions, decodeListCursor, encodeListCursor, type ListPosition } from './list-cursor';

const at: ListPosition = {
  orphaned: false,
  startIndex: 12,
  startOffset: 40,
  createdAt: '2026-11-30T10:00:00.123Z',
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
};

describe('list cursor', () => {
  it('gives back the position it was made from', () => {
    const cursor = encodeListCursor(at);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor)).toEqual(at);
  });

  it('refuses what it did not make', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of [
      '',
      'not a cursor',
      'e30',
      encode([false, 1, 2, '2026-11-30T10:00:00.123Z']),
      encode([false, -1, 2, '2026-11-30T10:00:00.123Z', at.id]),
      encode([false, 1.5, 2, '2026-11-30T10:00:00.123Z', at.id]),
      encode(['false', 1, 2, '2026-11-30T10:00:00.123Z', at.id]),
      encode([false, 1, 2, 'yesterday', at.id]),
      encode([false, 1, 2, '2026-11-30T10:00:00Z', at.id]),
      encode([false, 1, 2, '2026-11-30T10:00:00.123Z', 'not-an-id']),
      encode({ orphaned: false }),
    ])
      expect(decodeListCursor(cursor), cursor).toBeNull();
  });

  it('orders as the list does: anchored first, then place, time and id', () => {
    const later = (change: Partial<ListPosition>) => compareListPositions(at, { ...at, ...change });
    expect(later({ orphaned: true, startIndex: 0 })).toBeLessThan(0);
    expect(later({ startIndex: 13, startOffset: 0 })).toBeLessThan(0);
    expect(later({ startOffset: 41 })).toBeLessThan(0);
    expect(later({ createdAt: '2026-11-30T10:00:00.124Z' })).toBeLessThan(0);
    expect(later({ id: '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })).toBeLessThan(0);
    expect(later({})).toBe(0);
    expect(later({ startIndex: 11 })).toBeGreaterThan(0);
  });
});
