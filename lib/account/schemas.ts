import { z } from 'zod';

// The account's own operations that better-auth has no endpoint for: what deleting it would
// take away, deleting it, and downloading everything the reader wrote.

/** What becomes of the reader's notes when they leave. */
export const DELETE_MODES = ['anonymise', 'everything'] as const;
export type DeleteMode = (typeof DELETE_MODES)[number];

/** The name shown instead of a departed reader's on the shared notes and replies they left. */
export const FORMER_MEMBER_NAME = 'Former member';

export const deleteAccountSchema = z.strictObject({
  mode: z.enum(DELETE_MODES, { message: 'Choose what happens to your notes: anonymise or everything.' }),
});

/** Everything an account holds, counted, for the confirmation that names what will be lost. */
export const accountHoldingsSchema = z.object({
  privateNotes: z.int().nonnegative(),
  sharedNotes: z.int().nonnegative(),
  replies: z.int().nonnegative(),
  /** others' replies under the reader's shared notes: lost only when everything is deleted */
  othersRepliesOnShared: z.int().nonnegative(),
  groupsCreated: z.int().nonnegative(),
});
export type AccountHoldings = z.infer<typeof accountHoldingsSchema>;

export const deletedAccountSchema = z.object({
  mode: z.enum(DELETE_MODES),
  deletedNotes: z.int().nonnegative(),
  anonymisedNotes: z.int().nonnegative(),
  deletedReplies: z.int().nonnegative(),
  anonymisedReplies: z.int().nonnegative(),
});
export type DeletedAccount = z.infer<typeof deletedAccountSchema>;
