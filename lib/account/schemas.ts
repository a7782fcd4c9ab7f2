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

// Personal API tokens (docs/adr/0012): a name the reader chooses; the secret is shown once.
export const API_TOKEN_NAME_MAX = 80;
/** Live tokens one reader may hold at once. */
export const API_TOKENS_PER_READER_MAX = 20;

export const createApiTokenSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name, e.g. the script that will use it.')
    .max(API_TOKEN_NAME_MAX, `At most ${API_TOKEN_NAME_MAX} characters.`),
});

export const apiTokenParamsSchema = z.object({ id: z.uuid('Not a token id.') });

export const apiTokenViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** the secret's first characters, to tell tokens apart */
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

export const createdApiTokenSchema = z.object({
  token: apiTokenViewSchema,
  /** the whole secret: shown this once, stored only as its SHA-256 */
  secret: z.string(),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
