// Every operation of the JSON API, in the order of docs/design.md's contract. Requests and responses are
// the zod schemas of each domain's contract (lib/<domain>/schemas.ts): the route handlers
// parse with the same request schemas, and tests/integration/contract.test.ts parses every
// real response with the response schema declared here. A route folder under app/api/v1
// without an entry here fails tests/integration/openapi.test.ts.
import { z, type ZodType } from 'zod';
import {
  annotationListQuerySchema,
  annotationViewSchema,
  highlightsSchema,
  createAnnotationSchema,
  tagViewSchema,
  updateAnnotationSchema,
} from '@/lib/annotations/schemas';
import { articleImportQuerySchema, articleInputSchema, articlePreviewSchema } from '@/lib/articles/schemas';
import {
  accountHoldingsSchema,
  apiTokenViewSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  deleteAccountSchema,
  deletedAccountSchema,
} from '@/lib/account/schemas';
import { signedInSchema, signInSchema, signUpSchema } from '@/lib/auth/schemas';
import {
  documentSummarySchema,
  documentVersionQuerySchema,
  documentViewSchema,
  revisionResultSchema,
  versionSummarySchema,
} from '@/lib/documents/schemas';
import { apiErrorSchema } from '@/lib/errors/schemas';
import { exportQuerySchema } from '@/lib/export/schemas';
import { importQuerySchema, importReportSchema, MAX_IMPORT_BYTES } from '@/lib/import/schemas';
import {
  createGroupSchema,
  createTagSchema,
  groupDetailSchema,
  groupMemberViewSchema,
  groupSummarySchema,
  hideSchema,
  inviteSchema,
  joinedGroupSchema,
  joinGroupSchema,
  updateGroupSchema,
  updateMemberSchema,
  updateTagSchema,
} from '@/lib/groups/schemas';
import {
  addReadingSchema,
  deletedDocumentSchema,
  libraryDocumentSchema,
  libraryQuerySchema,
  librarySchema,
  readingListSchema,
  updateDocumentSchema,
  updateReadingSchema,
} from '@/lib/library/schemas';
import { hideReplySchema, replyInputSchema, replyViewSchema } from '@/lib/replies/schemas';
import { w3cAnnotationSchema } from '@/lib/w3c/schemas';
import { linkOperations } from './link-operations';
import { w3cOperations } from './w3c-operations';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface ResponseSpec {
  description: string;
  /** a JSON body (application/json unless `contentTypes` says otherwise) */
  schema?: ZodType;
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
    | 'Account'
    | 'Arguments'
    | 'Meta';
  /** false for the endpoints a signed-out client calls */
  auth?: boolean;
  query?: ZodType;
  body?: { schema: ZodType; contentTypes?: string[]; description?: string };
  responses: Record<number, ResponseSpec>;
}

/** `{ key: schema }`, the envelope every JSON answer has. */
const wrap = <T extends ZodType>(key: string, schema: T) => z.object({ [key]: schema });
const listOf = <T extends ZodType>(key: string, schema: T) => z.object({ [key]: z.array(schema) });
const noContent: ResponseSpec = { description: 'Done (no body).' };

/** The body of an annotation import: read as text and parsed by lib/w3c, not by zod. */
const importFileSchema = z.unknown().meta({
  type: ['object', 'array'],
  description: 'JSON-LD (W3C Web Annotations) or Hypothesis JSON',
});

export const operations: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/auth/sign-up/email',
    tag: 'Auth',
    auth: false,
    summary: 'Create an account (better-auth); sets the session cookie',
    body: { schema: signUpSchema },
    responses: { 200: { description: 'Signed up and signed in.', schema: signedInSchema } },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in/email',
    tag: 'Auth',
    auth: false,
    summary: 'Sign in (better-auth); sets the session cookie',
    body: { schema: signInSchema },
    responses: { 200: { description: 'Signed in.', schema: signedInSchema } },
  },

  {
    method: 'get',
    path: '/api/v1/documents',
    tag: 'Documents',
    summary: 'The library',
    responses: {
      200: {
        description: 'Every article you can see (not archived); the sample article has slug face-time.',
        schema: listOf('documents', documentSummarySchema),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/documents',
    tag: 'Documents',
    summary: 'Import an article (text, Markdown or HTML)',
    query: articleImportQuerySchema,
    body: { schema: articleInputSchema },
    responses: {
      201: { description: 'Imported as version 1.', schema: wrap('document', documentSummarySchema) },
      200: { description: 'The preview (with ?preview=1).', schema: articlePreviewSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}',
    tag: 'Documents',
    summary: 'A document and the blocks of its current (or a given) version',
    query: documentVersionQuerySchema,
    responses: { 200: { description: 'The document.', schema: documentViewSchema } },
  },
  {
    method: 'patch',
    path: '/api/v1/documents/{id}',
    tag: 'Documents',
    summary: 'Archive or restore an article, or change its audience (owner; a public one: administrator)',
    body: { schema: updateDocumentSchema },
    responses: {
      200: {
        description: 'The article as the library lists it.',
        schema: wrap('document', libraryDocumentSchema),
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/documents/{id}',
    tag: 'Documents',
    summary: 'Delete an article no one else has annotated, with your annotations on it',
    responses: {
      200: { description: 'What was deleted.', schema: deletedDocumentSchema },
      409: { description: 'Others have annotated it: archive it instead.', schema: apiErrorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/library',
    tag: 'Documents',
    summary: 'Your library: your seminars’ reading lists, your own articles, public articles',
    query: libraryQuerySchema,
    responses: { 200: { description: 'The library in sections.', schema: librarySchema } },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}/versions',
    tag: 'Documents',
    summary: 'The versions of a document',
    responses: { 200: { description: 'Oldest first.', schema: listOf('versions', versionSummarySchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/documents/{id}/versions',
    tag: 'Documents',
    summary: 'Upload a revised version; annotations are re-anchored',
    body: { schema: articleInputSchema },
    responses: {
      201: {
        description: 'The new version and what happened to the annotations you can see.',
        schema: revisionResultSchema,
      },
    },
  },

  {
    method: 'get',
    path: '/api/v1/documents/{id}/annotations',
    tag: 'Annotations',
    summary: 'Annotations visible to you, in document order (orphans last), one page at a time',
    description:
      'At most `limit` annotations (default 500, at most 1,000). While `next` is not null, more follow: ask again with `cursor` set to it and the same filters. A cursor this list did not give, or a `limit` out of range, is a 400.',
    query: annotationListQuerySchema,
    responses: {
      200: {
        description: 'One page of the annotations, and the cursor of the next page.',
        schema: z.object({
          annotations: z.array(annotationViewSchema),
          next: z
            .string()
            .nullable()
            .describe('the `cursor` of the next page; null when this page is the last'),
        }),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/documents/{id}/highlights',
    tag: 'Annotations',
    summary: 'The highlights of the current version visible to you, in compact columns (for drawing)',
    description:
      'The same annotations as the list (current version, not orphaned), without notes or quotes. Send the `ETag` back in `If-None-Match`: 304 while nothing you can see has changed.',
    responses: {
      200: {
        description: 'The highlights, one entry per annotation in each column, in document order.',
        schema: highlightsSchema,
        headers: { ETag: 'weak validator of what you can see' },
      },
      304: { description: 'Not modified since the ETag sent in If-None-Match.' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/documents/{id}/annotations',
    tag: 'Annotations',
    summary: 'Annotate a passage (no groupId = private)',
    body: { schema: createAnnotationSchema },
    responses: { 201: { description: 'Created.', schema: wrap('annotation', annotationViewSchema) } },
  },
  {
    method: 'get',
    path: '/api/v1/annotations/{id}',
    tag: 'Annotations',
    summary: 'One annotation (its IRI: the W3C annotation with Accept: application/ld+json)',
    description:
      'Also the annotation’s IRI in W3C exports and protocol containers. `Accept: application/ld+json` (with the anno profile) answers the W3C Web Annotation; any other Accept keeps this JSON. Both with `ETag`, `Vary: Accept`, `Allow` and `Link: <http://www.w3.org/ns/ldp#Resource>; rel="type"`; HEAD and OPTIONS too.',
    responses: {
      200: {
        description: 'The annotation (or, negotiated, the W3C annotation as application/ld+json).',
        schema: wrap('annotation', annotationViewSchema),
      },
    },
  },
  {
    method: 'put',
    path: '/api/v1/annotations/{id}',
    tag: 'Annotations',
    summary: 'Replace your annotation with a W3C annotation (Web Annotation Protocol §5.2)',
    description:
      'Send `If-Match` with the ETag of the W3C representation you read (428 without it, 412 when stale). The target is placed by its TextQuoteSelector; tags are the tagging bodies; `canonical` and `via`, once set, cannot change.',
    body: { schema: w3cAnnotationSchema, contentTypes: ['application/ld+json', 'application/json'] },
    responses: {
      200: {
        description: 'The annotation as stored, with its new ETag.',
        contentTypes: ['application/ld+json'],
      },
      412: { description: 'The If-Match ETag is not the current one.', schema: apiErrorSchema },
      428: { description: 'If-Match is missing.', schema: apiErrorSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/annotations/{id}/replies/{replyId}',
    tag: 'Replies',
    summary: 'A reply’s IRI: the reply as a W3C annotation (motivation replying)',
    responses: { 200: { description: 'A W3C Web Annotation.', contentTypes: ['application/ld+json'] } },
  },
  {
    method: 'patch',
    path: '/api/v1/annotations/{id}',
    tag: 'Annotations',
    summary: 'Edit your annotation (send its rev; a stale one is 409)',
    description:
      '`rev` is the annotation’s revision as you last read it. `version` is still accepted in its place (the former name); `?version=` elsewhere always means a document version.',
    body: { schema: updateAnnotationSchema },
    responses: {
      200: { description: 'Updated.', schema: wrap('annotation', annotationViewSchema) },
      409: {
        description: 'Changed elsewhere; `error.current` holds the annotation as it is now.',
        schema: apiErrorSchema,
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
        schema: wrap('annotation', annotationViewSchema),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/annotations/{id}/replies',
    tag: 'Replies',
    summary: 'The thread under an annotation',
    responses: { 200: { description: 'Oldest first.', schema: listOf('replies', replyViewSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/annotations/{id}/replies',
    tag: 'Replies',
    summary: 'Reply to an annotation you can see',
    body: { schema: replyInputSchema },
    responses: { 201: { description: 'Created.', schema: wrap('reply', replyViewSchema) } },
  },
  {
    method: 'patch',
    path: '/api/v1/replies/{id}',
    tag: 'Replies',
    summary: 'Edit your reply',
    body: { schema: replyInputSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('reply', replyViewSchema) } },
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
    responses: {
      200: { description: 'The reply as you now see it.', schema: wrap('reply', replyViewSchema) },
    },
  },

  {
    method: 'get',
    path: '/api/v1/groups',
    tag: 'Groups',
    summary: 'Your seminar groups',
    responses: { 200: { description: 'Your groups.', schema: listOf('groups', groupSummarySchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups',
    tag: 'Groups',
    summary: 'Create a group (you become its facilitator)',
    body: { schema: createGroupSchema },
    responses: { 201: { description: 'Created.', schema: wrap('group', groupDetailSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/join',
    tag: 'Groups',
    summary: 'Join a group by invite code or link; joining twice is harmless',
    body: { schema: joinGroupSchema },
    responses: { 200: { description: 'The group you are now in.', schema: joinedGroupSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/groups/{id}',
    tag: 'Groups',
    summary: 'A group: members, documents, tags',
    responses: { 200: { description: 'The group.', schema: wrap('group', groupDetailSchema) } },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}',
    tag: 'Groups',
    summary: 'Rename a group or set "reveal after" (facilitators)',
    body: { schema: updateGroupSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('group', groupDetailSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/{id}/invite',
    tag: 'Groups',
    summary: 'A new invite link (the previous one stops working)',
    responses: { 200: { description: 'The new code.', schema: inviteSchema } },
  },
  {
    method: 'delete',
    path: '/api/v1/groups/{id}/invite',
    tag: 'Groups',
    summary: 'Turn the invite link off',
    responses: { 204: noContent },
  },
  {
    method: 'get',
    path: '/api/v1/groups/{id}/readings',
    tag: 'Groups',
    summary: 'The seminar’s reading list, in the facilitators’ order (members)',
    responses: { 200: { description: 'The readings.', schema: readingListSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/{id}/readings',
    tag: 'Groups',
    summary: 'Add an article you can see to the end of the reading list (facilitators)',
    body: { schema: addReadingSchema },
    responses: {
      201: { description: 'The reading list.', schema: readingListSchema },
      409: { description: 'On the list already, or archived.', schema: apiErrorSchema },
    },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}/readings/{documentId}',
    tag: 'Groups',
    summary: 'Move a reading or set or clear its due date (facilitators)',
    body: { schema: updateReadingSchema },
    responses: { 200: { description: 'The reading list.', schema: readingListSchema } },
  },
  {
    method: 'delete',
    path: '/api/v1/groups/{id}/readings/{documentId}',
    tag: 'Groups',
    summary: 'Take an article off the reading list (facilitators); annotations stay',
    responses: { 200: { description: 'The reading list.', schema: readingListSchema } },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}/members/{userId}',
    tag: 'Groups',
    summary: 'Change a member’s role (facilitators)',
    body: { schema: updateMemberSchema },
    responses: { 200: { description: 'The member.', schema: wrap('member', groupMemberViewSchema) } },
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
    responses: { 200: { description: 'Tags.', schema: listOf('tags', tagViewSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/groups/{id}/tags',
    tag: 'Groups',
    summary: 'Add a tag with a colour and an underline style (facilitators)',
    body: { schema: createTagSchema },
    responses: { 201: { description: 'Created.', schema: wrap('tag', tagViewSchema) } },
  },
  {
    method: 'patch',
    path: '/api/v1/groups/{id}/tags/{tagId}',
    tag: 'Groups',
    summary: 'Rename, restyle, retire or restore a group tag (facilitators)',
    body: { schema: updateTagSchema },
    responses: { 200: { description: 'Updated.', schema: wrap('tag', tagViewSchema) } },
  },

  {
    method: 'get',
    path: '/api/v1/documents/{id}/export',
    tag: 'Export and import',
    summary: 'Download the annotations you can see, with the list’s filters (streamed)',
    description:
      'CSV (RFC 4180, one row per annotation, formula-safe; `bom=1` for spreadsheets; with argument links, a second table after an empty record: one row per link, claim by claim, then the discussion prompts), Markdown (grouped by tag, then document order; with links, an Argument section) or a W3C Web Annotation AnnotationCollection (links as `linking` annotations). A hidden note is withheld from members as in the list.',
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
    body: { schema: importFileSchema, contentTypes: ['application/ld+json', 'application/json'] },
    responses: {
      200: { description: 'What was imported, skipped and rejected, and why.', schema: importReportSchema },
      413: { description: 'The file is larger than 10 MB.', schema: apiErrorSchema },
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
    path: '/api/v1/account',
    tag: 'Account',
    summary: 'What deleting your account would take away',
    description:
      'Counts of your private and shared notes, your replies, others’ replies under your shared notes (lost only when you delete everything) and the seminars you created (they stay). Name, password and sessions are better-auth’s own endpoints under /api/auth.',
    responses: { 200: { description: 'The counts.', schema: wrap('holdings', accountHoldingsSchema) } },
  },
  {
    method: 'delete',
    path: '/api/v1/account',
    tag: 'Account',
    summary: 'Delete your account',
    description:
      '`anonymise`: your private notes are deleted; your shared notes and your replies stay, shown as “Former member”, so seminar threads stay readable. `everything`: all you wrote is deleted, with the replies under your notes. Either way your sessions end and the email address can sign up again.',
    body: { schema: deleteAccountSchema },
    responses: {
      200: { description: 'What was deleted and anonymised.', schema: wrap('deleted', deletedAccountSchema) },
    },
  },
  {
    method: 'get',
    path: '/api/v1/account/annotations',
    tag: 'Account',
    summary: 'Download all your annotations (W3C Web Annotation JSON-LD, streamed)',
    description:
      'One AnnotationCollection of every note you wrote, on every article, each with its thread as you can see it.',
    responses: {
      200: {
        description: 'A file download (Content-Disposition: attachment).',
        contentTypes: ['application/ld+json'],
        headers: { 'X-Total-Count': 'your annotations in the file (replies not counted)' },
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/account/tokens',
    tag: 'Account',
    summary: 'Your personal API tokens (never their secrets)',
    responses: { 200: { description: 'The tokens.', schema: listOf('tokens', apiTokenViewSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/account/tokens',
    tag: 'Account',
    summary: 'Create a personal API token (session cookie only)',
    description:
      'The answer holds the secret, shown this once: send it as `Authorization: Bearer …`. The token acts as you, with your rights, until revoked. Tokens cannot create or revoke tokens (403).',
    body: { schema: createApiTokenSchema },
    responses: {
      201: { description: 'The token and its secret.', schema: createdApiTokenSchema },
      403: { description: 'Sent with a token instead of the session cookie.', schema: apiErrorSchema },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/account/tokens/{id}',
    tag: 'Account',
    summary: 'Revoke a personal API token (its next request is 401)',
    responses: { 204: noContent },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'Meta',
    auth: false,
    summary: 'This document (OpenAPI 3.1)',
    responses: {
      200: {
        description: 'The OpenAPI document.',
        schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
      },
    },
  },
  ...linkOperations,
  ...w3cOperations,
];
