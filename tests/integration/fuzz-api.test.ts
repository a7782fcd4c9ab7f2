// Fuzzes every operation of the OpenAPI document (read at run time, so new operations are
// covered) with hostile bodies, paths, queries and Origins, through the real route handlers
// on real PostgreSQL: every answer must be < 500, and every error the typed shape
// { error: { code, message } } with a known code. `npm test` runs a fixed seed and a few
// cases per operation; `npm run fuzz` many more (FUZZ_RUNS, FUZZ_SEED).
import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { proxy } from '@/proxy';
import { BASE, signUp, type TestUser } from '../support/api';
import { hostileBody, hostileOrigin, hostileString, rawPathSegment } from '../fuzz/hostile';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const root = path.resolve(import.meta.dirname, '../..');

type JsonSchema = Record<string, unknown>;
type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;
interface Operation {
  method: string;
  path: string;
  fields: string[];
  query: string[];
  auth: boolean;
}

const document = buildOpenApiDocument() as {
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> };
};

function resolveRef(schema: JsonSchema | undefined): JsonSchema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return document.components.schemas[ref.split('/').pop()!];
}

const operations: Operation[] = Object.entries(document.paths).flatMap(([p, methods]) =>
  Object.entries(methods).map(([method, op]) => {
    const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
      ?.content;
    const schema = resolveRef(content?.['application/json']?.schema);
    const parameters = (op.parameters as { name: string; in: string }[] | undefined) ?? [];
    return {
      method: method.toUpperCase(),
      path: p,
      fields: Object.keys((schema?.properties as JsonSchema | undefined) ?? {}),
      query: parameters.filter((x) => x.in === 'query').map((x) => x.name),
      auth: ((op.security as unknown[]) ?? []).length > 0,
    };
  }),
);

const errorCodes = new Set<string>(
  (
    resolveRef(document.components.schemas.Error) as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    }
  ).properties.error.properties.code.enum,
);

/** The route module that serves an OpenAPI path, and the params Next would pass it. */
async function routeFor(op: Operation, values: Record<string, string>) {
  if (op.path.startsWith('/api/auth/')) {
    const mod = await import(path.join(root, 'app/api/auth/[...all]/route.ts'));
    return {
      handler: mod[op.method] as Handler,
      params: { all: op.path.slice('/api/auth/'.length).split('/') },
    };
  }
  const dir = op.path.replace(/^\//, '').replace(/\{(\w+)\}/g, '[$1]');
  const mod = await import(path.join(root, 'app', dir, 'route.ts'));
  return { handler: mod[op.method] as Handler, params: values };
}

const tally = { requests: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
let ada: TestUser;
let knownIds: string[] = [];

beforeAll(async () => {
  ada = await signUp('Fuzz');
  knownIds = ['face-time', ada.id, '00000000-0000-4000-8000-000000000001'];
});

/** A lone surrogate has no URL form (encodeURIComponent throws); the handler still gets it
 * as a param, as Next would hand over whatever its router decoded. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return 'unencodable';
  }
}

async function send(
  op: Operation,
  input: {
    ids: Record<string, string>;
    query: Record<string, string>;
    body?: string;
    origin?: string;
    signedIn: boolean;
  },
) {
  const { handler, params } = await routeFor(op, input.ids);
  const url = new URL(
    op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeSegment(input.ids[name] ?? 'x')),
    BASE,
  );
  for (const [k, v] of Object.entries(input.query)) url.searchParams.append(k, v);
  const headers: Record<string, string> = { 'content-type': 'application/json', host: '127.0.0.1:3000' };
  if (input.signedIn) headers.cookie = ada.cookie;
  if (input.origin !== undefined) headers.origin = input.origin;
  const withBody = op.method !== 'GET' && op.method !== 'DELETE' && input.body !== undefined;
  const response = await handler(
    new Request(url, { method: op.method, headers, body: withBody ? input.body : undefined }),
    { params: Promise.resolve(params) },
  );
  tally.requests++;
  const kind = `${Math.floor(response.status / 100)}xx` as keyof typeof tally;
  tally[kind]++;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream') || response.status < 400) {
    await response.body?.cancel();
    return { status: response.status, json: null };
  }
  const text = await response.text();
  return { status: response.status, json: type.includes('json') && text ? JSON.parse(text) : null, text };
}

describe('API fuzz (every OpenAPI operation)', () => {
  it('finds operations to fuzz, auth included', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.some((o) => o.path.startsWith('/api/auth/'))).toBe(true);
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    '%s answers 4xx, never 5xx',
    async (_name, op) => {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const input = fc.record({
        ids: fc.record(
          Object.fromEntries(names.map((n) => [n, fc.oneof(fc.constantFrom(...knownIds), hostileString)])),
        ),
        query: fc.dictionary(
          fc.oneof(fc.constantFrom(...(op.query.length ? op.query : ['q'])), fc.string()),
          hostileString,
          {
            maxKeys: 3,
          },
        ),
        body: hostileBody(op.fields),
        origin: hostileOrigin,
        signedIn: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(input, async (sample) => {
          const res = await send(op, sample as Parameters<typeof send>[1]).catch((error: unknown) => {
            // Keep the report readable: a generated input can be hundreds of KB.
            throw new Error(`${op.method} ${op.path} threw: ${String(error).slice(0, 300)}`);
          });
          expect(res.status, `${op.method} ${op.path}: ${res.text?.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400 && !op.path.startsWith('/api/auth/')) {
            expect(errorCodes.has(res.json?.error?.code), JSON.stringify(res.json)).toBe(true);
            expect(typeof res.json.error.message).toBe('string');
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  it('refuses malformed percent-encoding in any path with a typed 400 (proxy.ts)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), rawPathSegment, async (op, segment) => {
        const raw = op.path.replace(/\{(\w+)\}/, segment);
        const response = await proxy(new NextRequest(`${BASE}${raw}`));
        tally.requests++;
        if (!raw.includes('{') && /%(?![0-9A-F]{2})|%00|%ED%A0|%C0/i.test(raw)) {
          expect(response.status).toBe(400);
          tally['4xx']++;
          expect((await response.json()).error.code).toBe('BAD_REQUEST');
        } else tally[`${Math.floor(response.status / 100)}xx` as keyof typeof tally]++;
      }),
      { seed: SEED, numRuns: Math.max(RUNS * 10, 50) },
    );
    console.info(
      `[fuzz] seed ${SEED}, ${RUNS} runs per operation, ${operations.length} operations: ` +
        `${tally.requests} requests, ${tally['2xx']} 2xx, ${tally['3xx']} 3xx, ${tally['4xx']} 4xx, ${tally['5xx']} 5xx`,
    );
    expect(tally['5xx']).toBe(0);
  });
});
