import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  FORMER_MEMBER_NAME,
  type AccountHoldings,
  type DeletedAccount,
  type DeleteMode,
} from '@/lib/account/schemas';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import type { Reader } from '../session';

// Leaving the service. The reader chooses: "anonymise" deletes their private notes and hands
// their shared notes and replies to a "Former member" (so seminar threads stay readable), or
// "everything" deletes all they wrote. Either way the account, its sessions, password and
// memberships go, and the email address is free to sign up again.
//
// A former member is a users row of its own (one per departed reader, so two readers'
// threads are not merged into one person), named "Former member", with an address under
// the reserved `.invalid` domain and no accounts row: nobody can ever sign in as it. This
// keeps every author foreign key and the visibility rules as they are, without a migration.

const FORMER_MEMBER_DOMAIN = 'former-member.invalid';

/** Shared notes survive anonymising: in a group and not deleted. */
const sharedBy = (userId: string): Prisma.AnnotationWhereInput => ({
  authorId: userId,
  visibility: 'GROUP',
  deletedAt: null,
});

export async function describeAccountHoldings(reader: Reader): Promise<AccountHoldings> {
  const [privateNotes, sharedNotes, replies, othersRepliesOnShared, groupsCreated] = await Promise.all([
    db.annotation.count({ where: { authorId: reader.id, deletedAt: null, visibility: 'PRIVATE' } }),
    db.annotation.count({ where: sharedBy(reader.id) }),
    db.reply.count({ where: { authorId: reader.id, deletedAt: null } }),
    db.reply.count({
      where: { deletedAt: null, authorId: { not: reader.id }, annotation: sharedBy(reader.id) },
    }),
    db.group.count({ where: { createdById: reader.id } }),
  ]);
  return { privateNotes, sharedNotes, replies, othersRepliesOnShared, groupsCreated };
}

export function isFormerMemberEmail(email: string): boolean {
  return email.endsWith(`@${FORMER_MEMBER_DOMAIN}`);
}

export async function deleteAccount(reader: Reader, mode: DeleteMode): Promise<DeletedAccount> {
  return db.$transaction(async (tx) => {
    let formerId: string | null = null;
    const formerMember = async () => {
      formerId ??= (
        await tx.user.create({
          data: {
            id: randomUUID(),
            name: FORMER_MEMBER_NAME,
            email: `${randomUUID()}@${FORMER_MEMBER_DOMAIN}`,
          },
          select: { id: true },
        })
      ).id;
      return formerId;
    };

    let anonymisedNotes = 0;
    let anonymisedReplies = 0;
    if (mode === 'anonymise') {
      const shared = await tx.annotation.count({ where: sharedBy(reader.id) });
      const replies = await tx.reply.count({
        where: { authorId: reader.id, deletedAt: null, annotation: { deletedAt: null } },
      });
      if (shared + replies > 0) {
        const former = await formerMember();
        // Replies first: which threads survive depends on the notes' author still being the reader.
        anonymisedReplies = (
          await tx.reply.updateMany({
            where: {
              authorId: reader.id,
              deletedAt: null,
              annotation: {
                deletedAt: null,
                OR: [{ authorId: { not: reader.id } }, { visibility: 'GROUP' }],
              },
            },
            data: { authorId: former },
          })
        ).count;
        anonymisedNotes = (
          await tx.annotation.updateMany({ where: sharedBy(reader.id), data: { authorId: former } })
        ).count;
      }
    }
    // A seminar outlives the reader who created it.
    if ((await tx.group.count({ where: { createdById: reader.id } })) > 0) {
      await tx.group.updateMany({
        where: { createdById: reader.id },
        data: { createdById: await formerMember() },
      });
    }
    // Counted before the cascade: the reader's replies, then their notes (and every reply under them).
    const deletedReplies = (await tx.reply.deleteMany({ where: { authorId: reader.id, deletedAt: null } }))
      .count;
    await tx.reply.deleteMany({ where: { authorId: reader.id } });
    const deletedNotes = (await tx.annotation.deleteMany({ where: { authorId: reader.id, deletedAt: null } }))
      .count;
    await tx.annotation.deleteMany({ where: { authorId: reader.id } });
    await tx.idempotencyKey.deleteMany({ where: { userId: reader.id } });
    // Sessions, the password and memberships go with the user row (ON DELETE CASCADE).
    await tx.user.delete({ where: { id: reader.id } });
    return { mode, deletedNotes, anonymisedNotes, deletedReplies, anonymisedReplies };
  });
}
