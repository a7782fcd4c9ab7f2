// The annotations contract: what clients send (requests, the list's filters) and what the API
// answers (AnnotationView, TagView). Route handlers parse with these, the types in ./types.ts
// are inferred from them, and the OpenAPI document is generated from them.
import { z } from 'zod';
import { UNDERLINE_STYLES } from '@/lib/groups/tag-style';
import { decodeListCursor } from '@/lib/annotations/list-cursor';
import {
  ANCHOR_MAX,
  ANNOTATION_PAGE_DEFAULT,
  ANNOTATION_PAGE_MAX,
  FILTER_VALUES_MAX,
  INT_MAX,
  LIST_CURSOR_MAX,
  OFFSET_MAX,
  QUERY_VALUE_MAX,
  QUOTE_CONTEXT_MAX,
  QUOTE_MAX,
  READER_FILTER_MAX,
  SEARCH_MAX,
  TAG_SLUG_MAX,
  TAGS_PER_ANNOTATION_MAX,
} from '@/lib/limits';
import { noteDocSchema, noteInputSchema } from '@/lib/notes/schemas';

// ---- requests -------------------------------------------------------------------------------

export const annotationParamsSchema = z.object({ id: z.uuid('Not an annotation id.') });

const anchorSchema = z
  .string()
  .min(1, 'Required.')
  .max(ANCHOR_MAX, 'Too long.')
  .regex(/^[a-z0-9-]+$/, 'Not a block anchor.');
const offsetSchema = z
  .number({ error: 'Must be a number.' })
  .int('Must be a whole number.')
  .min(0, 'Must not be negative.')
  .max(OFFSET_MAX, 'Too large.');

export const textPointSchema = z.object({ block: anchorSchema, offset: offsetSchema });

export const targetInputSchema = z.object({
  start: textPointSchema,
  end: textPointSchema,
  exact: z
    .string()
    .min(1, 'The selected text is empty.')
    .max(QUOTE_MAX, `The selection is too long (${QUOTE_MAX.toLocaleString('en')} characters at most).`),
  prefix: z.string().max(QUOTE_CONTEXT_MAX).optional(),
  suffix: z.string().max(QUOTE_CONTEXT_MAX).optional(),
});

export const tagSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(TAG_SLUG_MAX)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Not a tag name.');

const tagListSchema = z
  .array(tagSlugSchema)
  .min(1, 'Pick at least one tag.')
  .max(TAGS_PER_ANNOTATION_MAX, 'Ten tags at most.');

export const createAnnotationSchema = z.object({
  target: targetInputSchema,
  tags: tagListSchema,
  note: noteInputSchema.optional(),
  groupId: z.uuid('Not a group id.').nullish(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

/** The annotation's own revision counter, sent back with an edit (optimistic concurrency). */
const revSchema = z
  .number({ error: 'Send rev, the revision you edited.' })
  .int('Send rev, the revision you edited.')
  .min(1, 'Send rev, the revision you edited.')
  .max(INT_MAX, 'Send rev, the revision you edited.');

export const updateAnnotationSchema = z
  .object({
    rev: revSchema
      .optional()
      .describe('the revision you edited (`rev` of the annotation); a stale one is 409'),
    version: revSchema
      .optional()
      .meta({ deprecated: true, description: 'the former name of `rev`, still accepted' }),
    tags: tagListSchema.optional(),
    note: noteInputSchema.optional(),
    groupId: z.uuid('Not a group id.').nullish(),
    /** re-attach an orphan (or move a highlight) to a new selection */
    target: targetInputSchema.optional(),
  })
  .refine((v) => v.rev !== undefined || v.version !== undefined, {
    message: 'Send rev, the revision you edited.',
    path: ['rev'],
  })
  .transform(({ version, rev, ...rest }) => ({ ...rest, rev: (rev ?? version) as number }));
export type UpdateAnnotationInput = z.output<typeof updateAnnotationSchema>;

const listOf = (item: z.ZodType<string, string>) =>
  z
    .union([z.string().max(QUERY_VALUE_MAX), z.array(z.string().max(QUERY_VALUE_MAX)).max(FILTER_VALUES_MAX)])
    .optional()
    .transform((v) =>
      v === undefined
        ? []
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(z.array(item).max(FILTER_VALUES_MAX, `${FILTER_VALUES_MAX} values at most.`));

const boolish = z
  .enum(['true', 'false', '1', '0', 'mine', 'others', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

export const anchorStatusSchema = z.enum(['ANCHORED', 'REANCHORED', 'ORPHANED']);

export const annotationFilterSchema = z.object({
  tag: listOf(tagSlugSchema),
  reader: listOf(z.string().min(1).max(READER_FILTER_MAX)),
  group: z.union([z.uuid(), z.literal('private')]).optional(),
  mine: boolish,
  q: z.string().trim().max(SEARCH_MAX, `Search for at most ${SEARCH_MAX} characters.`).optional(),
  status: z.enum(['anchored', 'orphaned']).optional(),
  /** the annotations as they were placed in this version of the document */
  version: z.coerce.number().int().min(1).max(INT_MAX).optional(),
});
export type AnnotationFilterInput = z.input<typeof annotationFilterSchema>;

/** The list's query: the filters, `annotation` ids to list only those (the reader page
 * asks for a highlight's annotations before the whole list has loaded), and the page: at most
 * `limit` annotations after `cursor`, the `next` of the previous page (ADR 0023). */
export const annotationListQuerySchema = annotationFilterSchema.extend({
  annotation: listOf(z.uuid()),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(ANNOTATION_PAGE_MAX, `${ANNOTATION_PAGE_MAX} annotations a page at most.`)
    .default(ANNOTATION_PAGE_DEFAULT)
    .describe(
      `annotations in this page (default ${ANNOTATION_PAGE_DEFAULT}, at most ${ANNOTATION_PAGE_MAX})`,
    ),
  cursor: z
    .string()
    .max(LIST_CURSOR_MAX, 'Not a cursor this list gave.')
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const position = decodeListCursor(value);
      if (!position) ctx.addIssue({ code: 'custom', message: 'Not a cursor this list gave.' });
      return position ?? undefined;
    })
    .describe('the `next` of the previous page; none for the first page'),
});
export type AnnotationListQuery = z.output<typeof annotationListQuerySchema>;
export type AnnotationFilter = z.output<typeof annotationFilterSchema>;

/** mine=true|1|mine → only mine; mine=false|0|others → only others'. */
export function mineFilter(filter: AnnotationFilter): 'mine' | 'others' | undefined {
  if (filter.mine === undefined) return undefined;
  return ['true', '1', 'mine'].includes(filter.mine) ? 'mine' : 'others';
}

// ---- responses ------------------------------------------------------------------------------

const timestamp = z.iso.datetime();
const person = z.object({ id: z.string(), name: z.string() });

export const textPointViewSchema = z.object({
  block: z.string().describe('block anchor, e.g. "p-7"'),
  offset: z.number().int().describe('UTF-16 code units into the block’s text'),
});

export const targetSchema = z
  .object({
    start: textPointViewSchema,
    end: textPointViewSchema,
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  })
  .meta({ id: 'Target' });

export const tagViewSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    underline: z.enum(UNDERLINE_STYLES),
    groupId: z.string().nullable().describe('null for the default tags'),
    retired: z.boolean(),
  })
  .meta({ id: 'Tag' });

/** An annotation as the API returns it (and the reader's client holds it). */
export const annotationViewSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    documentVersion: z.number().int().describe('the document version the target is anchored in'),
    target: targetSchema,
    tags: z.array(z.string().describe('tag slug')),
    note: noteDocSchema.nullable(),
    noteText: z.string().describe('the note as plain text ("" when hidden from you)'),
    author: person,
    group: person.nullable(),
    visibility: z.enum(['private', 'group']),
    status: anchorStatusSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
    rev: z.number().int().describe('the annotation’s revision: send it back with PATCH'),
    replyCount: z.number().int(),
    hidden: z.boolean().describe('hidden by a facilitator'),
    can: z
      .object({ edit: z.boolean(), delete: z.boolean(), reply: z.boolean(), hide: z.boolean() })
      .describe('what the signed-in reader may do with it'),
  })
  .meta({ id: 'Annotation' });

/** The highlights of the current version in columns (one entry per annotation in each array,
 * in document order): everything the reader page needs to draw and filter them, without
 * notes or quotes, which load later with the full list. */
export const highlightsSchema = z
  .object({
    documentVersion: z.number().int().describe('the version the block indexes refer to'),
    tags: z.array(z.string()).describe('tag slugs named by `tagIndexes`'),
    authors: z.array(person).describe('authors named by `author`'),
    groups: z.array(person).describe('groups named by `group`'),
    ids: z.array(z.uuid()),
    startBlock: z.array(z.number().int()).describe('index of the start block in the version'),
    startOffset: z.array(z.number().int()),
    endBlock: z.array(z.number().int()),
    endOffset: z.array(z.number().int()),
    tagIndexes: z.array(z.array(z.number().int())).describe('indexes into `tags`, in tag order'),
    author: z.array(z.number().int()).describe('index into `authors`'),
    group: z.array(z.number().int()).describe('index into `groups`, -1 for private'),
    flags: z.array(z.number().int()).describe('bit 1: written by you; bit 2: hidden by a facilitator'),
  })
  .meta({ id: 'Highlights' });

export const HIGHLIGHT_MINE = 1;
export const HIGHLIGHT_HIDDEN = 2;
