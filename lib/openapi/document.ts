// The OpenAPI 3.1 document, generated from the operation table and the zod contract.
import { ID_MAX } from '@/lib/limits';
import { collectComponents } from './components';
import { operations, type OperationSpec, type ResponseSpec } from './operations';
import { queryParameters, ref, zodToSchema, type ComponentCollector, type JsonSchema } from './zod-schema';

export const OPENAPI_VERSION = '3.1.1';

const PATH_PARAM_TEXT: Record<string, string> = {
  id: 'the resource id (documents also accept their slug, e.g. face-time)',
  userId: 'a user id',
  tagId: 'a tag id',
};

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: PATH_PARAM_TEXT[name] ?? name,
    schema: { type: 'string', minLength: 1, maxLength: ID_MAX },
  }));
}

function errorResponse(description: string): JsonSchema {
  return { description, content: { 'application/json': { schema: ref('Error') } } };
}

function response(spec: ResponseSpec, components: ComponentCollector): JsonSchema {
  const out: JsonSchema = { description: spec.description };
  const types = spec.contentTypes ?? (spec.schema ? ['application/json'] : []);
  if (types.length > 0) {
    out.content = Object.fromEntries(
      types.map((type) => [
        type,
        spec.schema ? { schema: zodToSchema(spec.schema, 'output', components) } : {},
      ]),
    );
  }
  if (spec.headers) {
    out.headers = Object.fromEntries(
      Object.entries(spec.headers).map(([name, description]) => [
        name,
        { description, schema: { type: 'string' } },
      ]),
    );
  }
  return out;
}

function operation(spec: OperationSpec, components: ComponentCollector): JsonSchema {
  const authenticated = spec.auth !== false;
  const responses: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(spec.responses)) responses[status] = response(r, components);
  if (spec.query || spec.body)
    responses['400'] ??= errorResponse('The input is not valid: `error.fields` says where.');
  if (authenticated) {
    responses['401'] ??= errorResponse('Not signed in.');
    if (spec.path.includes('{'))
      responses['404'] ??= errorResponse(
        'Not found, or not yours to see (never 403 for what you may not see).',
      );
  }
  const op: JsonSchema = {
    operationId: `${spec.method}${spec.path
      .replace(/^\/api(\/v1)?/, '')
      .replace(/\{(\w+)\}/g, 'By-$1')
      .replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: spec.summary,
    tags: [spec.tag],
    security: authenticated ? [{ session: [] }] : [],
  };
  if (spec.description) op.description = spec.description;
  const parameters = [
    ...pathParameters(spec.path),
    ...(spec.query ? queryParameters(spec.query, components) : []),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  if (spec.body) {
    const schema = zodToSchema(spec.body.schema, 'input', components);
    op.requestBody = {
      required: true,
      ...(spec.body.description ? { description: spec.body.description } : {}),
      content: Object.fromEntries(
        (spec.body.contentTypes ?? ['application/json']).map((type) => [type, { schema }]),
      ),
    };
  }
  op.responses = responses;
  return op;
}

/** The OpenAPI 3.1 description of the whole API, built from the operation table. Without a
 * `serverUrl` the server is `/`: the origin the document itself was fetched from. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}): JsonSchema {
  const components = collectComponents();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of operations) {
    paths[spec.path] ??= {};
    paths[spec.path][spec.method] = operation(spec, components);
  }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Marginalia API',
      version: '1',
      summary:
        'Close reading for seminar groups: documents, annotations, replies, groups, export and import.',
      description:
        'JSON over HTTP. Sign in through better-auth (`/api/auth/sign-in/email`); the session cookie authenticates every `/api/v1` call. State-changing requests from another site are refused. Errors are `{ error: { code, message, fields? } }`. Offsets count UTF-16 code units of a block’s text.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [
      options.serverUrl
        ? { url: options.serverUrl, description: 'Marginalia' }
        : { url: '/', description: 'the server this document was fetched from' },
    ],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: 'Set by sign-up or sign-in.',
        },
      },
    },
  };
}
