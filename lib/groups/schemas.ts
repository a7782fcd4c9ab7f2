// zod schemas for seminar groups, shared by the API routes, the group pages' forms and tests.
import { z } from 'zod';
import { TAG_NAME_MAX, UNDERLINE_STYLES } from './tag-style';

export const GROUP_NAME_MAX = 120;
export const REVEAL_AFTER_MAX = 100;

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
    .max(500, 'That is not an invite code.'),
});
export type JoinGroupInput = z.infer<typeof joinGroupSchema>;

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
