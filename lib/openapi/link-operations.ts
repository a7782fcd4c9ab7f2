// The argument links' operations (links, relation types, the argument and disagreement
// views), kept apart from operations.ts so that the domain's contract reads in one place.
import { z, type ZodType } from 'zod';
import { argumentPageSchema, disagreementPageSchema } from '@/lib/arguments/schemas';
import {
  createLinkSchema,
  createRelationSchema,
  linkListSchema,
  linkQuerySchema,
  linkViewSchema,
  relationViewSchema,
  updateLinkSchema,
  updateRelationSchema,
} from '@/lib/links/schemas';
import type { OperationSpec } from './operations';

const wrap = <T extends ZodType>(key: string, schema: T) => z.object({ [key]: schema });

export const linkOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/v1/documents/{id}/links',
    tag: 'Arguments',
    summary: 'The argument links you can see on a document, and the relations you may use',
    description:
      'A link is listed only when you see both annotations it joins and its own audience (its author, or the members of its group); a link to an annotation whose note is hidden from you is not listed. `group` narrows to one seminar’s links (`private`: your own private links).',
    query: linkQuerySchema,
    responses: { 200: { description: 'Links and relation types.', schema: linkListSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/documents/{id}/links',
    tag: 'Arguments',
    summary: 'Link one annotation to another (“this evidence supports that claim”)',
    description:
      'Both annotations must be on the document and visible to you; an annotation is never linked to itself. Linking the same two the same way again returns the first link.',
    body: { schema: createLinkSchema },
    responses: { 201: { description: 'Created.', schema: wrap('link', linkViewSchema) } },
  },
  {
    method: 'patch',
    path: '/api/v1/links/{id}',
    tag: 'Arguments',
    summary: 'Change a link’s relation, note or audience (its author)',
    body: { schema: updateLinkSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('link', linkViewSchema) } },
  },
  {
    method: 'delete',
    path: '/api/v1/links/{id}',
    tag: 'Arguments',
    summary: 'Delete a link (its author)',
    responses: { 204: { description: 'Done (no body).' } },
  },
  {
    method: 'get',
    path: '/api/v1/groups/{id}/relations',
    tag: 'Arguments',
    summary: 'The group’s own relation types',
    responses: { 200: { description: 'Relations.', schema: wrap('relations', z.array(relationViewSchema)) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/{id}/relations',
    tag: 'Arguments',
    summary: 'Add a relation type with a colour and a line style (facilitators)',
    description: 'A group relation with the slug of a default (e.g. “Supports”) renames it inside the group.',
    body: { schema: createRelationSchema },
    responses: { 201: { description: 'Created.', schema: wrap('relation', relationViewSchema) } },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}/relations/{relationId}',
    tag: 'Arguments',
    summary: 'Rename, restyle, retire or restore a group relation type (facilitators)',
    body: { schema: updateRelationSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('relation', relationViewSchema) } },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}/argument',
    tag: 'Arguments',
    summary: 'The argument view: each claim with its evidence and framing',
    description:
      'Built from the annotations and links you can see (one seminar’s with `group`): claims in document order with what supports, contradicts, frames or qualifies them, evidence no one linked, and claims nothing supports.',
    query: linkQuerySchema,
    responses: { 200: { description: 'The argument.', schema: argumentPageSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}/disagreements',
    tag: 'Arguments',
    summary: 'Passages readers tagged differently, and how far they agree',
    description:
      'Highlights by different readers overlapping by at least half of the shorter one form a passage. Passages with more than one tag are ranked by how split they are; `agreement.alpha` is Krippendorff’s alpha (nominal) over all shared passages, each reader’s first tag being their value.',
    query: linkQuerySchema,
    responses: { 200: { description: 'Disagreements and agreement.', schema: disagreementPageSchema } },
  },
];
