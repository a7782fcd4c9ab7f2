import { describe, expect, it } from 'vitest';
import { describeLoss } from './describe-loss';

const holdings = { privateNotes: 3, sharedNotes: 1, replies: 2, othersRepliesOnShared: 4, groupsCreated: 0 };

describe('describeLoss', () => {
  it('says what anonymising deletes and what stays as "Former member"', () => {
    expect(describeLoss(holdings, 'anonymise')).toBe(
      'This deletes your account, your password and every session, 3 private notes. Your 1 shared note and 2 replies stay in their seminars as “Former member”. It cannot be undone.',
    );
  });

  it('names others’ replies that go when everything is deleted', () => {
    expect(describeLoss({ ...holdings, othersRepliesOnShared: 1 }, 'everything')).toBe(
      'This deletes your account, your password and every session, 3 private notes, 1 shared note, 2 replies, 1 reply by others under your shared notes. It cannot be undone.',
    );
  });
});
