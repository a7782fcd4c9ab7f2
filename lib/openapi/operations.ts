// Every operation of the JSON API, in the order of docs/design.md's contract. Request schemas come from
// the same zod schemas the route handlers parse with; a route folder under app/api/v1
// without an entry here fails tests/integration/openapi.test.ts.
import { z, type ZodType } from 'zod';
import {
  annotationFilterSchema,
  createAnnotationSchema,
  updateAnnotationSchema,
} from '@/lib/annotations/schemas';
import {
  createGroupSchema,
  createTagSchema,
  hideSchema,
  joinGroupSchema,
  updateGroupSchema,
  updateMemberSchema,
  updateTagSchema,
} from '@/lib/groups/schemas';
import { hideReplySchema, replyInputSchema } from '@/lib/replies/schemas';
import { ref, type JsonSchema } from './components';
import {
  exportQuerySchema,
  importQuerySchema,
  importReportSchema,
  MAX_IMPORT_BYTES,
} from './transfer-schemas';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface ResponseSpec {
  description: string;
  /** a JSON body (application/json unless `contentTypes` says otherwise) */
  schema?: JsonSchema | ZodType;
  contentTypes?: string[];
  headers?: Record<string, string>;
}

export interface OperationSpec {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  tag:
    | 'Auth'
    | 'Documents'
    | 'Annotations'
    | 'Replies'
    | 'Groups'
    | 'Export and import'
    | 'Live updates'
    | 'Meta';
  /** false for the endpoints a signed-out client calls */
  auth?: boolean;
  query?: ZodType;
  body?: { schema: JsonSchema | ZodType; contentTypes?: string[]; description?: string };
  responses: Record<number, ResponseSpec>;
}

// Article bodies are parsed by lib/server/dal/document-import.ts (server-only); mirrored here.
const articleInput: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    text: { type: 'string', description: 'the article: plain text, Markdown or HTML' },
    format: {
      type: 'string',
      enum: ['text', 'markdown', 'html'],
      description: 'detected from the text when missing',
    },
    blocks: {
      type: 'array',
      description: 'the blocks as corrected in the import preview',
      items: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            enum: ['TITLE', 'STANDFIRST', 'BYLINE', 'HEADING', 'PARAGRAPH', 'CAPTION'],
          },
          text: { type: 'string' },
        },
        required: ['kind', 'text'],
      },
    },
  },
  required: ['text'],
};

const wrap = (key: string, schema: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { [key]: schema },
  required: [key],
});
const listOf = (key: string, schema: JsonSchema): JsonSchema => wrap(key, { type: 'array', items: schema });
const noContent: ResponseSpec = { description: 'Done (no body).' };
const versionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('a past version number; the current one when missing'),
});
const replyBody = replyInputSchema;

export const operations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/auth/sign-up/email',
    tag: 'Auth',
    auth: false,
    summary: 'Create an account (better-auth); sets the session cookie',
    body: {
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          email: { type: 'string', format: 'email' },
          password: { type: 'string', minLength: 8 },
        },
        required: ['name', 'email', 'password'],
      },
    },
    responses: {
      200: {
        description: 'Signed up and signed in.',
        schema: { type: 'object', properties: { user: { type: 'object' } } },
      },
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in/email',
    tag: 'Auth',
    auth: false,
    summary: 'Sign in (better-auth); sets the session cookie',
    body: {
      schema: {
        type: 'object',
        properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } },
        required: ['email', 'password'],
      },
    },
    responses: {
      200: {
        description: 'Signed in.',
        schema: { type: 'object', properties: { user: { type: 'object' } } },
      },
    },
  },

  {
    method: 'get',
    path: '/api/v1/documents',
    tag: 'Documents',
    summary: 'The library',
    responses: {
      200: {
        description: 'Every document; the sample article has slug face-time.',
        schema: listOf('documents', ref('DocumentSummary')),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/documents',
    tag: 'Documents',
    summary: 'Import an article (text, Markdown or HTML)',
    query: z.object({
      preview: z
        .enum(['1', 'true', '0', 'false'])
        .optional()
        .describe('only parse and return the blocks; nothing is saved'),
    }),
    body: { schema: articleInput },
    responses: {
      201: { description: 'Imported as version 1.', schema: wrap('document', ref('DocumentSummary')) },
      200: {
        description: 'The preview (with ?preview=1).',
        schema: {
          type: 'object',
          properties: {
            title: { type: 'string' },
            format: { type: 'string' },
            blocks: { type: 'array', items: { type: 'object' } },
          },
        },
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}',
    tag: 'Documents',
    summary: 'A document and the blocks of its current (or a given) version',
    query: versionQuery,
    responses: {
      200: {
        description: 'The document.',
        schema: {
          type: 'object',
          properties: { document: ref('DocumentSummary'), blocks: { type: 'array', items: ref('Block') } },
          required: ['document', 'blocks'],
        },
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}/versions',
    tag: 'Documents',
    summary: 'The versions of a document',
    responses: { 200: { description: 'Oldest first.', schema: listOf('versions', ref('VersionSummary')) } },
  },
  {
    method: 'post',
    path: '/api/v1/documents/{id}/versions',
    tag: 'Documents',
    summary: 'Upload a revised version; annotations are re-anchored',
    body: { schema: articleInput },
    responses: {
      201: {
        description: 'The new version and what happened to the annotations you can see.',
        schema: {
          type: 'object',
          properties: {
            document: ref('DocumentSummary'),
            version: ref('VersionSummary'),
            summary: {
              type: 'object',
              properties: {
                anchored: { type: 'integer' },
                reanchored: { type: 'integer' },
                orphaned: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  },

  {
    method: 'get',
    path: '/api/v1/documents/{id}/annotations',
    tag: 'Annotations',
    summary: 'Annotations visible to you, in document order (orphans last)',
    query: annotationFilterSchema,
    responses: { 200: { description: 'The annotations.', schema: listOf('annotations', ref('Annotation')) } },
  },
  {
    method: 'post',
    path: '/api/v1/documents/{id}/annotations',
    tag: 'Annotations',
    summary: 'Annotate a passage (no groupId = private)',
    body: { schema: createAnnotationSchema },
    responses: { 201: { description: 'Created.', schema: wrap('annotation', ref('Annotation')) } },
  },
  {
    method: 'get',
    path: '/api/v1/annotations/{id}',
    tag: 'Annotations',
    summary: 'One annotation',
    responses: { 200: { description: 'The annotation.', schema: wrap('annotation', ref('Annotation')) } },
  },
  {
    method: 'patch',
    path: '/api/v1/annotations/{id}',
    tag: 'Annotations',
    summary: 'Edit your annotation (send its version; a stale one is 409)',
    body: { schema: updateAnnotationSchema },
    responses: {
      200: { description: 'Updated.', schema: wrap('annotation', ref('Annotation')) },
      409: {
        description: 'Changed elsewhere; `error.current` holds the latest version.',
        schema: ref('Error'),
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/annotations/{id}',
    tag: 'Annotations',
    summary: 'Delete your annotation',
    responses: { 204: noContent },
  },
  {
    method: 'post',
    path: '/api/v1/annotations/{id}/hide',
    tag: 'Annotations',
    summary: 'Hide or show again an annotation shared with your group (facilitators)',
    body: { schema: hideSchema },
    responses: {
      200: {
        description: 'The annotation as you now see it.',
        schema: wrap('annotation', ref('Annotation')),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/annotations/{id}/replies',
    tag: 'Replies',
    summary: 'The thread under an annotation',
    responses: { 200: { description: 'Oldest first.', schema: listOf('replies', ref('Reply')) } },
  },
  {
    method: 'post',
    path: '/api/v1/annotations/{id}/replies',
    tag: 'Replies',
    summary: 'Reply to an annotation you can see',
    body: { schema: replyBody },
    responses: { 201: { description: 'Created.', schema: wrap('reply', ref('Reply')) } },
  },
  {
    method: 'patch',
    path: '/api/v1/replies/{id}',
    tag: 'Replies',
    summary: 'Edit your reply',
    body: { schema: replyBody },
    responses: { 200: { description: 'Updated.', schema: wrap('reply', ref('Reply')) } },
  },
  {
    method: 'delete',
    path: '/api/v1/replies/{id}',
    tag: 'Replies',
    summary: 'Delete your reply',
    responses: { 204: noContent },
  },
  {
    method: 'post',
    path: '/api/v1/replies/{id}/hide',
    tag: 'Replies',
    summary: 'Hide or show again a reply in your group’s thread (facilitators)',
    body: { schema: hideReplySchema },
    responses: { 200: { description: 'The reply as you now see it.', schema: wrap('reply', ref('Reply')) } },
  },

  {
    method: 'get',
    path: '/api/v1/groups',
    tag: 'Groups',
    summary: 'Your seminar groups',
    responses: { 200: { description: 'Your groups.', schema: listOf('groups', ref('GroupSummary')) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups',
    tag: 'Groups',
    summary: 'Create a group (you become its facilitator)',
    body: { schema: createGroupSchema },
    responses: { 201: { description: 'Created.', schema: wrap('group', ref('GroupDetail')) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/join',
    tag: 'Groups',
    summary: 'Join a group by invite code or link; joining twice is harmless',
    body: { schema: joinGroupSchema },
    responses: {
      200: {
        description: 'The group you are now in.',
        schema: { type: 'object', additionalProperties: true },
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/groups/{id}',
    tag: 'Groups',
    summary: 'A group: members, documents, tags',
    responses: { 200: { description: 'The group.', schema: wrap('group', ref('GroupDetail')) } },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}',
    tag: 'Groups',
    summary: 'Rename a group or set "reveal after" (facilitators)',
    body: { schema: updateGroupSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('group', ref('GroupDetail')) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/{id}/invite',
    tag: 'Groups',
    summary: 'A new invite link (the previous one stops working)',
    responses: {
      200: {
        description: 'The new code.',
        schema: {
          type: 'object',
          properties: { inviteCode: { type: 'string' }, invitePath: { type: 'string' } },
          required: ['inviteCode', 'invitePath'],
        },
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/groups/{id}/invite',
    tag: 'Groups',
    summary: 'Turn the invite link off',
    responses: { 204: noContent },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}/members/{userId}',
    tag: 'Groups',
    summary: 'Change a member’s role (facilitators)',
    body: { schema: updateMemberSchema },
    responses: {
      200: {
        description: 'The member.',
        schema: { type: 'object', properties: { member: { type: 'object' } } },
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/groups/{id}/members/{userId}',
    tag: 'Groups',
    summary: 'Leave (your own id) or remove a member (facilitators)',
    responses: { 204: noContent },
  },
  {
    method: 'get',
    path: '/api/v1/groups/{id}/tags',
    tag: 'Groups',
    summary: 'The group’s own tags',
    responses: { 200: { description: 'Tags.', schema: listOf('tags', ref('Tag')) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/{id}/tags',
    tag: 'Groups',
    summary: 'Add a tag with a colour and an underline style (facilitators)',
    body: { schema: createTagSchema },
    responses: { 201: { description: 'Created.', schema: wrap('tag', ref('Tag')) } },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}/tags/{tagId}',
    tag: 'Groups',
    summary: 'Rename, restyle, retire or restore a group tag (facilitators)',
    body: { schema: updateTagSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('tag', ref('Tag')) } },
  },

  {
    method: 'get',
    path: '/api/v1/documents/{id}/export',
    tag: 'Export and import',
    summary: 'Download the annotations you can see, with the list’s filters (streamed)',
    description:
      'CSV (RFC 4180, one row per annotation, formula-safe; `bom=1` for spreadsheets), Markdown (grouped by tag, then document order) or a W3C Web Annotation AnnotationCollection. A hidden note is withheld from members as in the list.',
    query: exportQuerySchema,
    responses: {
      200: {
        description: 'A file download (Content-Disposition: attachment).',
        contentTypes: ['text/csv', 'text/markdown', 'application/ld+json'],
        headers: { 'X-Total-Count': 'annotations in the export (replies not counted)' },
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/documents/{id}/annotations/import',
    tag: 'Export and import',
    summary: 'Import W3C Web Annotations or Hypothesis annotations',
    description: `A W3C Web Annotation, an array of them, an AnnotationCollection or AnnotationPage (embedded), or a Hypothesis API result, up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Each annotation is placed by its quote in the current version; one that cannot be placed is kept as an orphan. Importing the same file again adds nothing.`,
    query: importQuerySchema,
    body: {
      schema: { type: 'object', description: 'JSON-LD or Hypothesis JSON' },
      contentTypes: ['application/ld+json', 'application/json'],
    },
    responses: {
      200: { description: 'What was imported, skipped and rejected, and why.', schema: importReportSchema },
      413: { description: 'The file is larger than 10 MB.', schema: ref('Error') },
    },
  },

  {
    method: 'get',
    path: '/api/v1/documents/{id}/events',
    tag: 'Live updates',
    summary: 'Server-Sent Events: annotation and reply changes you may see',
    description:
      'Events carry ids only; fetch the details through the API. `event: annotation` with `{ op, id }`, `event: reply` with `{ op, id, annotationId }` (op: insert, update or delete), and `event: resync` with `{ reason }` when the page should reload its list (access changed, many changes at once, or changes possibly missed). A comment line every 15 s keeps the connection open.',
    responses: { 200: { description: 'An event stream.', contentTypes: ['text/event-stream'] } },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'Meta',
    auth: false,
    summary: 'This document (OpenAPI 3.1)',
    responses: { 200: { description: 'The OpenAPI document.', schema: { type: 'object' } } },
  },
];
