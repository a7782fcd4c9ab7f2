import { FORMER_MEMBER_NAME, type AccountHoldings, type DeleteMode } from './schemas';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sentence that names what will be lost, for the mode the reader picked. */
export function describeLoss(h: AccountHoldings, mode: DeleteMode): string {
  const lost = [
    'your account, your password and every session',
    plural(h.privateNotes, 'private note', 'private notes'),
  ];
  if (mode === 'everything') {
    lost.push(plural(h.sharedNotes, 'shared note', 'shared notes'), plural(h.replies, 'reply', 'replies'));
    if (h.othersRepliesOnShared > 0)
      lost.push(
        plural(h.othersRepliesOnShared, 'reply by others', 'replies by others') + ' under your shared notes',
      );
  }
  const kept =
    mode === 'anonymise'
      ? ` Your ${plural(h.sharedNotes, 'shared note', 'shared notes')} and ${plural(h.replies, 'reply', 'replies')} stay in their seminars as “${FORMER_MEMBER_NAME}”.`
      : '';
  return `This deletes ${lost.join(', ')}.${kept} It cannot be undone.`;
}
