// The argument links contract: "annotation A <relation> annotation B" (evidence supports a
// claim, framing frames it), their relation types, and the argument and disagreement views
// built from them. Route handlers parse with these; the OpenAPI document is generated from them.
import { z } from 'zod';
import { LINK_NOTE_MAX, RELATION_NAME_MAX, TAG_SLUG_MAX } from '@/lib/limits';

export const RELATION_LINES = ['solid', 'dashed', 'dotted'] as const;
export type RelationLine = (typeof RELATION_LINES)[number];

/** The relations everyone has (ids fixed by the migration). */
export const DEFAULT_RELATIONS = ['supports', 'contradicts', 'frames', 'qualifies'] as const;

// ---- requests -------------------------------------------------------------------------------

export const linkParamsSchema = z.object({ id: z.uuid('Not a link id.') });
export const relationParamsSchema = z.object({
  id: z.uuid('Not a group id.'),
  relationId: z.uuid('Not a relation id.'),
});

export const relationSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Pick a relation.')
  .max(TAG_SLUG_MAX)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Not a relation.');

const linkNoteSchema = z
  .string()
  .max(LINK_NOTE_MAX, `Use at most ${LINK_NOTE_MAX.toLocaleString('en')} characters.`)
  .transform((s) => s.trim());

export const createLinkSchema = z
  .object({
    fromId: z.uuid('Not an annotation id.'),
    toId: z.uuid('Not an annotation id.'),
    relation: relationSlugSchema,
    note: linkNoteSchema.optional(),
    groupId: z.uuid('Not a group id.').nullish(),
  })
  .refine((v) => v.fromId !== v.toId, {
    message: 'An annotation cannot be linked to itself.',
    path: ['toId'],
  });
export type CreateLinkInput = z.output<typeof createLinkSchema>;

export const updateLinkSchema = z
  .object({
    relation: relationSlugSchema.optional(),
    note: linkNoteSchema.optional(),
    groupId: z.uuid('Not a group id.').nullish(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change.' });
export type UpdateLinkInput = z.output<typeof updateLinkSchema>;

/** `?group=` on the link list and the views: one seminar's links and annotations only. */
export const linkQuerySchema = z.object({
  group: z.union([z.uuid(), z.literal('private')]).optional(),
});
export type LinkQuery = z.output<typeof linkQuerySchema>;

const relationNameSchema = z
  .string({ error: 'Give the relation a name.' })
  .trim()
  .min(1, 'Give the relation a name.')
  .max(RELATION_NAME_MAX, `Use at most ${RELATION_NAME_MAX} characters.`);
const colorSchema = z
  .string({ error: 'Pick a colour.' })
  .max(7, 'Use a colour like #1d4ed8.')
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1d4ed8.')
  .transform((c) => c.toLowerCase());
const lineSchema = z.enum(RELATION_LINES, {
  error: `The line must be one of: ${RELATION_LINES.join(', ')}.`,
});

export const createRelationSchema = z.object({
  name: relationNameSchema,
  color: colorSchema,
  line: lineSchema.default('solid'),
});
export type CreateRelationInput = z.output<typeof createRelationSchema>;

export const updateRelationSchema = z
  .object({
    name: relationNameSchema.optional(),
    color: colorSchema.optional(),
    line: lineSchema.optional(),
    retired: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change.' });
export type UpdateRelationInput = z.output<typeof updateRelationSchema>;

// ---- responses ------------------------------------------------------------------------------

const timestamp = z.iso.datetime();
const person = z.object({ id: z.string(), name: z.string() });

export const relationViewSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    line: z.enum(RELATION_LINES),
    groupId: z.string().nullable().describe('null for the default relations'),
    retired: z.boolean(),
  })
  .meta({ id: 'RelationType' });
export type RelationView = z.infer<typeof relationViewSchema>;

export const linkViewSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    fromId: z.uuid().describe('the annotation that bears on the other (e.g. the evidence)'),
    toId: z.uuid().describe('the annotation borne on (e.g. the claim)'),
    relation: z.string().describe('relation slug: supports, contradicts, frames, qualifies or a group’s own'),
    note: z.string(),
    author: person,
    group: person.nullable(),
    visibility: z.enum(['private', 'group']),
    createdAt: timestamp,
    updatedAt: timestamp,
    can: z.object({ edit: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'AnnotationLink' });
export type LinkView = z.infer<typeof linkViewSchema>;

export const linkListSchema = z.object({
  links: z.array(linkViewSchema),
  relations: z.array(relationViewSchema).describe('the relations you may use: defaults, then your groups’'),
});
