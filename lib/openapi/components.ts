// Response shapes of the API that have no zod schema (they are TypeScript interfaces in
// lib/annotations/types.ts, lib/groups/types.ts and the DAL), written as JSON Schema 2020-12.
export type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema =>
  description ? { type: 'string', description } : { type: 'string' };
const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
const int = (description?: string): JsonSchema =>
  description ? { type: 'integer', description } : { type: 'integer' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const object = (
  properties: Record<string, JsonSchema>,
  required = Object.keys(properties),
  extra: JsonSchema = {},
): JsonSchema => ({
  type: 'object',
  properties,
  required,
  ...extra,
});

export const componentSchemas: Record<string, JsonSchema> = {
  Error: object({
    error: object(
      {
        code: {
          type: 'string',
          enum: [
            'BAD_REQUEST',
            'VALIDATION_FAILED',
            'UNAUTHENTICATED',
            'FORBIDDEN',
            'NOT_FOUND',
            'CONFLICT',
            'PAYLOAD_TOO_LARGE',
            'UNSUPPORTED_MEDIA_TYPE',
            'RATE_LIMITED',
            'SERVICE_UNAVAILABLE',
            'INTERNAL',
          ],
        },
        message: str('a sentence fit to show a reader'),
        fields: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'per-field messages, keyed by path (e.g. "target.start.offset")',
        },
      },
      ['code', 'message'],
    ),
  }),
  NoteDoc: {
    type: 'object',
    description:
      'A rich-text note as Tiptap (ProseMirror) JSON: `{ "type": "doc", "content": [...] }`. Blocks: paragraph, bulletList, orderedList (attrs.start), listItem, blockquote; inline: text (marks bold, italic, strike, code, link with attrs.href http(s)/mailto), hardBreak. Validated and normalised on the server; at most 10,000 characters of text and 50 KB of JSON. Send null to clear a note.',
    properties: {
      type: { const: 'doc' },
      content: {
        type: 'array',
        items: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] },
      },
    },
    required: ['type'],
    examples: [
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The crux', marks: [{ type: 'bold' }] }] },
        ],
      },
    ],
  },
  TextPoint: object({
    block: str('block anchor, e.g. "p-7"'),
    offset: int('UTF-16 code units into the block’s text'),
  }),
  Target: object({
    start: ref('TextPoint'),
    end: ref('TextPoint'),
    exact: str(),
    prefix: str(),
    suffix: str(),
  }),
  Annotation: object({
    id: { type: 'string', format: 'uuid' },
    documentId: { type: 'string', format: 'uuid' },
    documentVersion: int('the document version the target is anchored in'),
    target: ref('Target'),
    tags: { type: 'array', items: str('tag slug') },
    note: nullable(ref('NoteDoc')),
    noteText: str('the note as plain text ("" when hidden from you)'),
    author: object({ id: str(), name: str() }),
    group: nullable(object({ id: str(), name: str() })),
    visibility: { type: 'string', enum: ['private', 'group'] },
    status: { type: 'string', enum: ['ANCHORED', 'REANCHORED', 'ORPHANED'] },
    createdAt: dateTime,
    updatedAt: dateTime,
    version: int('optimistic-concurrency version: send it back with PATCH'),
    replyCount: int(),
    hidden: { type: 'boolean', description: 'hidden by a facilitator' },
    can: object({
      edit: { type: 'boolean' },
      delete: { type: 'boolean' },
      reply: { type: 'boolean' },
      hide: { type: 'boolean' },
    }),
  }),
  Reply: object({
    id: { type: 'string', format: 'uuid' },
    annotationId: { type: 'string', format: 'uuid' },
    author: object({ id: str(), name: str() }),
    body: nullable(ref('NoteDoc')),
    bodyText: str('the body as plain text ("" when hidden from you)'),
    createdAt: dateTime,
    updatedAt: dateTime,
    hidden: {
      type: 'boolean',
      description: 'hidden by a facilitator: its body is withheld from other members',
    },
    can: object({ edit: { type: 'boolean' }, delete: { type: 'boolean' }, hide: { type: 'boolean' } }),
  }),
  Tag: object({
    id: str(),
    slug: str(),
    name: str(),
    color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    underline: { type: 'string', enum: ['solid', 'dotted', 'dashed', 'wavy', 'double'] },
    groupId: nullable(str('null for the default tags')),
    retired: { type: 'boolean' },
  }),
  DocumentSummary: object({
    id: { type: 'string', format: 'uuid' },
    slug: str(),
    title: str(),
    version: int(),
    paragraphs: int(),
    updatedAt: dateTime,
  }),
  Block: object({
    anchor: str(),
    kind: { type: 'string', enum: ['TITLE', 'STANDFIRST', 'BYLINE', 'HEADING', 'PARAGRAPH', 'CAPTION'] },
    index: int(),
    text: str(),
  }),
  VersionSummary: object({
    number: int(),
    title: str(),
    format: { type: 'string', enum: ['text', 'markdown', 'html'] },
    importedAt: dateTime,
    paragraphs: int(),
    current: { type: 'boolean' },
  }),
  GroupSummary: object({
    id: str(),
    name: str(),
    role: { type: 'string', enum: ['FACILITATOR', 'MEMBER'] },
    memberCount: int(),
    createdAt: dateTime,
  }),
  GroupDetail: {
    allOf: [
      ref('GroupSummary'),
      object(
        {
          revealAfter: int('a member sees others’ annotations after posting this many'),
          inviteCode: nullable(str('facilitators only; null once revoked')),
          members: {
            type: 'array',
            items: object({
              userId: str(),
              name: str(),
              role: { type: 'string', enum: ['FACILITATOR', 'MEMBER'] },
              joinedAt: dateTime,
              you: { type: 'boolean' },
            }),
          },
          documents: {
            type: 'array',
            items: object({ id: str(), slug: str(), title: str(), annotationCount: int() }),
          },
          tags: { type: 'array', items: ref('Tag') },
        },
        ['revealAfter', 'members', 'documents', 'tags'],
      ),
    ],
  },
};

export { ref };
