import { describe, expect, it } from 'vitest';
import {
  createGroupSchema,
  createTagSchema,
  joinGroupSchema,
  updateGroupSchema,
  updateTagSchema,
} from './schemas';

describe('group schemas', () => {
  it('trims a group name and accepts 1 to 80 characters', () => {
    expect(createGroupSchema.parse({ name: '  Close reading, autumn  ' })).toEqual({
      name: 'Close reading, autumn',
    });
    expect(createGroupSchema.safeParse({ name: 'x'.repeat(80) }).success).toBe(true);
    expect(createGroupSchema.safeParse({ name: 'x'.repeat(81) }).success).toBe(false);
  });

  it('explains what is wrong with an empty or overlong name', () => {
    const empty = createGroupSchema.safeParse({ name: '   ' });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0]).toMatchObject({ path: ['name'], message: 'Enter a name for the group.' });
    const long = createGroupSchema.safeParse({ name: 'x'.repeat(2000) });
    expect(long.error!.issues[0].message).toMatch(/at most 80 characters/);
  });

  it('allows reveal-after between 0 and 100 and needs something to change', () => {
    expect(updateGroupSchema.safeParse({ revealAfter: 3 }).success).toBe(true);
    expect(updateGroupSchema.safeParse({ revealAfter: 101 }).success).toBe(false);
    expect(updateGroupSchema.safeParse({ revealAfter: 1.5 }).success).toBe(false);
    expect(updateGroupSchema.safeParse({}).success).toBe(false);
  });

  it('accepts any non-empty code text (a malformed code just matches no group)', () => {
    expect(joinGroupSchema.safeParse({ code: 'nonsense!' }).success).toBe(true);
    expect(joinGroupSchema.safeParse({ code: '' }).success).toBe(false);
  });
});

describe('tag schemas', () => {
  it('needs a name and a #rrggbb colour, lower-cases it and defaults to a solid underline', () => {
    expect(createTagSchema.parse({ name: 'Question', color: '#1D4ED8' })).toEqual({
      name: 'Question',
      color: '#1d4ed8',
      underline: 'solid',
    });
    expect(createTagSchema.safeParse({ name: 'Question', color: 'blue' }).error!.issues[0].message).toMatch(
      /#1d4ed8/,
    );
    expect(
      createTagSchema.safeParse({ name: 'Question', color: '#123456', underline: 'zigzag' }).success,
    ).toBe(false);
  });

  it('lets a facilitator retire or restore a tag, and refuses an empty change', () => {
    expect(updateTagSchema.parse({ retired: true })).toEqual({ retired: true });
    expect(updateTagSchema.safeParse({}).success).toBe(false);
  });
});
