// zod schemas for annotations, shared by the API routes, the reader's client code and tests.
import { z } from 'zod';

const anchorSchema = z
  .string()
  .min(1, 'Required.')
  .max(32, 'Too long.')
  .regex(/^[a-z0-9-]+$/, 'Not a block anchor.');
const offsetSchema = z
  .number({ error: 'Must be a number.' })
  .int('Must be a whole number.')
  .min(0, 'Must not be negative.')
  .max(10_000_000, 'Too large.');

export const textPointSchema = z.object({ block: anchorSchema, offset: offsetSchema });

export const targetInputSchema = z.object({
  start: textPointSchema,
  end: textPointSchema,
  exact: z
    .string()
    .min(1, 'The selected text is empty.')
    .max(20_000, 'The selection is too long (20,000 characters at most).'),
  prefix: z.string().max(200).optional(),
  suffix: z.string().max(200).optional(),
});

export const tagSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Not a tag name.');

export const createAnnotationSchema = z.object({
  target: targetInputSchema,
  tags: z.array(tagSlugSchema).min(1, 'Pick at least one tag.').max(10, 'Ten tags at most.'),
  note: z.unknown().optional(),
  groupId: z.uuid('Not a group id.').nullish(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({
  version: z.number().int().min(1),
  tags: z.array(tagSlugSchema).min(1, 'Pick at least one tag.').max(10).optional(),
  note: z.unknown().optional(),
  groupId: z.uuid().nullish(),
  /** re-attach an orphan (or move a highlight) to a new selection */
  target: targetInputSchema.optional(),
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

const listOf = (item: z.ZodType<string, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? []
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(z.array(item));

const boolish = z
  .enum(['true', 'false', '1', '0', 'mine', 'others', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

export const annotationFilterSchema = z.object({
  tag: listOf(tagSlugSchema),
  reader: listOf(z.string().min(1).max(100)),
  group: z.union([z.uuid(), z.literal('private')]).optional(),
  mine: boolish,
  q: z.string().trim().max(200).optional(),
  status: z.enum(['anchored', 'orphaned']).optional(),
  /** the annotations as they were placed in this version of the document */
  version: z.coerce.number().int().min(1).optional(),
});
export type AnnotationFilterInput = z.input<typeof annotationFilterSchema>;
export type AnnotationFilter = z.output<typeof annotationFilterSchema>;

/** mine=true|1|mine → only mine; mine=false|0|others → only others'. */
export function mineFilter(filter: AnnotationFilter): 'mine' | 'others' | undefined {
  if (filter.mine === undefined) return undefined;
  return ['true', '1', 'mine'].includes(filter.mine) ? 'mine' : 'others';
}
