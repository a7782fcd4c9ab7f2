// The seminar groups contract: what clients send (shared with the group pages' forms) and
// what the API answers (GroupSummary, GroupDetail, members). Types in ./types.ts are inferred.
import { z } from 'zod';
import { tagViewSchema } from '@/lib/annotations/schemas';
import { ID_MAX, INVITE_CODE_MAX, NAME_MAX, REVEAL_AFTER_MAX, TAG_NAME_MAX } from '@/lib/limits';
import { UNDERLINE_STYLES } from './tag-style';

export { REVEAL_AFTER_MAX } from '@/lib/limits';
export const GROUP_NAME_MAX = NAME_MAX;

// Ids in paths are checked by the DAL, which answers 404 for anything that is not one of the
// reader's groups — a malformed id included.
export const groupParamsSchema = z.object({ id: z.string().max(ID_MAX) });
export const memberParamsSchema = groupParamsSchema.extend({ userId: z.string().min(1).max(ID_MAX) });
export const tagParamsSchema = groupParamsSchema.extend({ tagId: z.string().max(ID_MAX) });

export const groupNameSchema = z
  .string({ error: 'Enter a name for the group.' })
  .trim()
  .min(1, 'Enter a name for the group.')
  .max(GROUP_NAME_MAX, `Use at most ${GROUP_NAME_MAX} characters (this one has too many).`);

export const revealAfterSchema = z
  .number({ error: 'Enter a whole number from 0 to 100.' })
  .int('Enter a whole number from 0 to 100.')
  .min(0, 'Enter a whole number from 0 to 100.')
  .max(REVEAL_AFTER_MAX, 'Enter a whole number from 0 to 100.');

export const createGroupSchema = z.object({ name: groupNameSchema });
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = z
  .object({ name: groupNameSchema.optional(), revealAfter: revealAfterSchema.optional() })
  .refine((v) => v.name !== undefined || v.revealAfter !== undefined, {
    message: 'Nothing to change: send a name or revealAfter.',
  });
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

/** Any string is accepted here: a malformed code is simply one that matches no group (404). */
export const joinGroupSchema = z.object({
  code: z
    .string({ error: 'Enter an invite code.' })
    .trim()
    .min(1, 'Enter an invite code.')
    .max(INVITE_CODE_MAX, 'That is not an invite code.'),
});
export type JoinGroupInput = z.infer<typeof joinGroupSchema>;

/** The one declaration of a member's role (PostgreSQL's enum "Role" has the same two). */
export const roleSchema = z.enum(['FACILITATOR', 'MEMBER'], {
  error: 'The role must be FACILITATOR or MEMBER.',
});
export type GroupRole = z.infer<typeof roleSchema>;
export const updateMemberSchema = z.object({ role: roleSchema });

const tagNameSchema = z
  .string({ error: 'Enter a name for the tag.' })
  .trim()
  .min(1, 'Enter a name for the tag.')
  .max(TAG_NAME_MAX, `Use at most ${TAG_NAME_MAX} characters.`);
const colorSchema = z
  .string({ error: 'Pick a colour.' })
  .max(7, 'Use a colour like #1d4ed8.')
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1d4ed8.')
  .transform((c) => c.toLowerCase());
const underlineSchema = z.enum(UNDERLINE_STYLES, {
  error: `The underline must be one of: ${UNDERLINE_STYLES.join(', ')}.`,
});

export const createTagSchema = z.object({
  name: tagNameSchema,
  color: colorSchema,
  underline: underlineSchema.default('solid'),
});
export type CreateTagInput = z.infer<typeof createTagSchema>;

export const updateTagSchema = z
  .object({
    name: tagNameSchema.optional(),
    color: colorSchema.optional(),
    underline: underlineSchema.optional(),
    retired: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change.' });
export type UpdateTagInput = z.infer<typeof updateTagSchema>;

export const hideSchema = z.object({ hidden: z.boolean({ error: 'Send hidden: true or false.' }) });

// ---- responses ------------------------------------------------------------------------------

const timestamp = z.iso.datetime();

/** One of the reader's groups, as listed on /groups and by GET /api/v1/groups. */
export const groupSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema.describe('the signed-in reader’s role'),
    memberCount: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'GroupSummary' });

export const groupMemberViewSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    role: roleSchema,
    joinedAt: timestamp,
    you: z.boolean().describe('the signed-in reader'),
  })
  .meta({ id: 'GroupMember' });

export const groupDocumentViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  annotationCount: z.number().int().describe('annotations shared with this group on the document'),
  position: z.number().int().describe('its place on the reading list (0 is first)'),
  dueDate: z.iso.date().nullable().describe('YYYY-MM-DD'),
});

export const groupDetailSchema = groupSummarySchema
  .extend({
    revealAfter: z.number().int().describe('a member sees others’ annotations after posting this many'),
    inviteCode: z.string().nullable().optional().describe('facilitators only; null once revoked'),
    members: z.array(groupMemberViewSchema),
    documents: z.array(groupDocumentViewSchema),
    tags: z.array(tagViewSchema),
  })
  .meta({ id: 'GroupDetail' });

export const joinedGroupSchema = z.object({
  group: z.object({ id: z.string(), name: z.string(), role: roleSchema }),
  joined: z.boolean().describe('false when you were a member already'),
});

export const inviteSchema = z.object({ inviteCode: z.string(), invitePath: z.string() });
