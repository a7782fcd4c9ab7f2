// The rules of annotation-access.ts cell by cell, as pure decisions: who sees an
// annotation, who reads a hidden note, who may share with a group, and who hears of a
// change on the live stream. The routes that use them are probed in the other
// authorization-*.test.ts files; this table covers the combinations the routes make slow
// to reach (a held-back member, a move out of the group while hidden, a reply's author).
import { describe, expect, it } from 'vitest';
import {
  canSee,
  groupToShareWith,
  hearsChange,
  withholdsText,
  type ChangeNotice,
} from '@/lib/server/dal/annotation-access';

const G = 'group-1';
type Who = 'author' | 'replier' | 'member' | 'facilitator' | 'heldBack' | 'outsider';
const viewers: Record<Who, Parameters<typeof hearsChange>[0]> = {
  author: { reader: { id: 'author' }, visibleGroupIds: [G], memberships: [{ groupId: G, role: 'MEMBER' }] },
  replier: { reader: { id: 'replier' }, visibleGroupIds: [G], memberships: [{ groupId: G, role: 'MEMBER' }] },
  member: { reader: { id: 'member' }, visibleGroupIds: [G], memberships: [{ groupId: G, role: 'MEMBER' }] },
  facilitator: {
    reader: { id: 'facilitator' },
    visibleGroupIds: [G],
    memberships: [{ groupId: G, role: 'FACILITATOR' }],
  },
  // a member that "reveal after" still holds back: in the group, but not seeing others' notes
  heldBack: {
    reader: { id: 'heldBack' },
    visibleGroupIds: [],
    memberships: [{ groupId: G, role: 'MEMBER' }],
  },
  outsider: { reader: { id: 'outsider' }, visibleGroupIds: [], memberships: [] },
};
const everyone = Object.keys(viewers) as Who[];
const hearers = (notice: ChangeNotice) => everyone.filter((w) => hearsChange(viewers[w], notice));

const note = (over: Partial<ChangeNotice> = {}): ChangeNotice => ({
  kind: 'annotation',
  op: 'update',
  id: 'a-1',
  documentId: 'd-1',
  groupId: G,
  authorId: 'author',
  hidden: false,
  wasHidden: false,
  deleted: false,
  ...over,
});
const reply = (over: Partial<ChangeNotice> = {}) =>
  note({ kind: 'reply', id: 'r-1', annotationId: 'a-1', replyAuthorId: 'replier', ...over });

describe('who sees an annotation and who reads its hidden note', () => {
  it('shows a group note to its author and the members past "reveal after"; a private one to its author only', () => {
    const shared = { authorId: 'author', groupId: G };
    const own = { authorId: 'author', groupId: null };
    expect(everyone.filter((w) => canSee(viewers[w], shared))).toEqual([
      'author',
      'replier',
      'member',
      'facilitator',
    ]);
    expect(everyone.filter((w) => canSee(viewers[w], own))).toEqual(['author']);
  });

  it('withholds a hidden text from all but its author and the facilitators', () => {
    const hiddenNote = { authorId: 'author', groupId: G, hidden: true };
    expect(everyone.filter((w) => !withholdsText(viewers[w], hiddenNote))).toEqual(['author', 'facilitator']);
    expect(everyone.filter((w) => withholdsText(viewers[w], { ...hiddenNote, hidden: false }))).toEqual([]);
  });

  it('lets a reader share only with a group they belong to', () => {
    expect(groupToShareWith([{ groupId: G }], G)).toBe(G);
    expect(groupToShareWith([], null)).toBeNull();
    expect(() => groupToShareWith([{ groupId: 'other' }], G)).toThrow(
      /only share with a group you belong to/,
    );
  });
});

describe('who hears of a change on the live stream', () => {
  it('tells everyone who sees the note of a visible change, and no one else', () => {
    const seeing = ['author', 'replier', 'member', 'facilitator'];
    expect(hearers(note({ op: 'insert' }))).toEqual(seeing);
    expect(hearers(note())).toEqual(seeing);
    expect(hearers(reply({ op: 'insert' }))).toEqual(seeing);
    expect(hearers(note({ groupId: null }))).toEqual(['author']);
  });

  it('tells the members of hiding, showing and deleting a note, but not of edits while it stays hidden', () => {
    const seeing = ['author', 'replier', 'member', 'facilitator'];
    expect(hearers(note({ hidden: true }))).toEqual(seeing); // hidden now
    expect(hearers(note({ wasHidden: true }))).toEqual(seeing); // shown again
    expect(hearers(note({ hidden: true, wasHidden: true, deleted: true }))).toEqual(seeing);
    expect(hearers(note({ hidden: true, wasHidden: true }))).toEqual(['author', 'facilitator']);
  });

  it('tells the old group when a hidden note leaves it, so their pages drop it', () => {
    const movedOut = note({ hidden: true, wasHidden: true, groupId: null, previousGroupId: G });
    expect(hearers(movedOut)).toEqual(['author', 'replier', 'member', 'facilitator']);
  });

  it('keeps edits of a hidden reply between its author and the facilitators', () => {
    expect(hearers(reply({ hidden: true, wasHidden: true }))).toEqual(['replier', 'facilitator']);
    expect(hearers(reply({ hidden: true }))).toEqual(['author', 'replier', 'member', 'facilitator']);
  });
});
