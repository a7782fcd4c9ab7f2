import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { GET as listDocumentsRoute } from '@/app/api/v1/documents/route';
import { GET as listAnnotationsRoute } from '@/app/api/v1/documents/[id]/annotations/route';
import {
  GET as listRepliesRoute,
  POST as createReplyRoute,
} from '@/app/api/v1/annotations/[id]/replies/route';
import { call, signUp } from '../support/api';
import { annotate, importFile, paragraphs, sampleDocument, targetFor } from './export-fixtures';

const apiRoot = path.resolve(import.meta.dirname, '../../app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every route.ts under app/api/v1 as its OpenAPI path and the methods it exports. */
function routeFiles(dir = apiRoot, segments: string[] = []): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory())
      found.push(...routeFiles(full, [...segments, entry.replace(/^\[(\w+)\]$/, '{$1}')]));
    else if (/^route\.tsx?$/.test(entry)) {
      const source = readFileSync(full, 'utf8');
      const methods = METHODS.filter((m) =>
        new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source),
      );
      found.push({ path: `/api/v1/${segments.join('/')}`.replace(/\/$/, ''), methods });
    }
  }
  return found;
}

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: Schema;
  jsonSchemaDialect: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

let doc: OpenApiDocument;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

/** A validator for a schema of the document, its $refs resolved against the document. */
function validatorFor(schema: object) {
  return ajv.compile({ ...schema, components: doc.components });
}

function responseSchema(pathKey: string, method: string, status: string) {
  return doc.paths[pathKey][method].responses[status].content!['application/json'].schema!;
}

beforeAll(async () => {
  const res = await openApiRoute();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = await res.json();
});

describe('OpenAPI document', () => {
  it('is an OpenAPI 3.1 document whose operations all have ids, responses and valid schemas', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'Marginalia API', version: expect.any(String) });
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.servers).toEqual([expect.objectContaining({ url: expect.any(String) })]);
    const ids = new Set<string>();
    for (const [key, item] of Object.entries(doc.paths)) {
      expect(key.startsWith('/')).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(
          Object.keys(op.responses).some((s) => s.startsWith('2')),
          `${method} ${key}`,
        ).toBe(true);
        for (const name of key.match(/\{(\w+)\}/g) ?? []) {
          expect(
            (op.parameters ?? []).some((p) => p.in === 'path' && `{${p.name}}` === name && p.required),
            `${name} of ${key}`,
          ).toBe(true);
        }
        const schemas = [
          ...(op.parameters ?? []).map((p) => p.schema),
          ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
          ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
        ].filter((schema): schema is Schema => schema !== undefined);
        for (const schema of schemas) expect(() => validatorFor(schema), `${method} ${key}`).not.toThrow();
      }
    }
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g))
      expect(doc.components.schemas[name], name).toBeDefined();
  });

  it('documents every route under app/api/v1 and every method it exports', () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.flatMap((r) =>
      r.methods
        // A W3C protocol container's address ends in "/" (docs/api.md).
        .filter((m) => !(doc.paths[r.path] ?? doc.paths[`${r.path}/`])?.[m.toLowerCase()])
        .map((m) => `${m} ${r.path}`),
    );
    expect(missing).toEqual([]);
  });

  it('lists every path of the API contract in docs/design.md', () => {
    const contract = [
      'post /api/auth/sign-up/email',
      'post /api/auth/sign-in/email',
      'get /api/v1/documents',
      'post /api/v1/documents',
      'get /api/v1/documents/{id}',
      'get /api/v1/documents/{id}/annotations',
      'post /api/v1/documents/{id}/annotations',
      'patch /api/v1/annotations/{id}',
      'delete /api/v1/annotations/{id}',
      'get /api/v1/annotations/{id}/replies',
      'post /api/v1/annotations/{id}/replies',
      'get /api/v1/groups',
      'post /api/v1/groups',
      'post /api/v1/groups/join',
      'get /api/v1/documents/{id}/export',
      'post /api/v1/documents/{id}/versions',
      'post /api/v1/documents/{id}/annotations/import',
      'get /api/v1/documents/{id}/events',
      'get /api/v1/openapi.json',
    ];
    expect(
      contract.filter((c) => {
        const [m, p] = c.split(' ');
        return !doc.paths[p]?.[m];
      }),
    ).toEqual([]);
  });

  it('describes notes as Tiptap JSON and takes request schemas from the zod schemas', () => {
    const create = doc.paths['/api/v1/documents/{id}/annotations'].post.requestBody!.content[
      'application/json'
    ].schema as { properties: Record<string, Schema>; required: string[] };
    expect(create.properties.note).toEqual({
      anyOf: [{ $ref: '#/components/schemas/NoteDoc' }, { type: 'null' }],
    });
    expect(create.properties!.tags).toMatchObject({ type: 'array', minItems: 1, maxItems: 10 });
    expect(create.required).toEqual(['target', 'tags']);
    const exportParams = doc.paths['/api/v1/documents/{id}/export'].get.parameters!.map((p) => p.name);
    expect(exportParams).toEqual(['id', 'tag', 'reader', 'group', 'mine', 'q', 'status', 'format', 'bom']);
  });

  it('matches what the API really answers', async () => {
    const ada = await signUp('Ada');
    const sample = await sampleDocument();
    const para = sample.blocks.find((b) => b.kind === 'PARAGRAPH')!;
    const annotation = await annotate(ada, {
      target: targetFor(sample.blocks, para.anchor, para.text.slice(0, 25)),
      tags: ['claim'],
      note: paragraphs('A note'),
    });
    const created = await call(createReplyRoute, 'POST', '/x', {
      user: ada,
      params: { id: annotation.id },
      body: { body: paragraphs('A reply') },
    });
    expect(created.status, created.text).toBe(201);
    const replies = await call(listRepliesRoute, 'GET', '/x', { user: ada, params: { id: annotation.id } });
    const checkReplies = validatorFor(responseSchema('/api/v1/annotations/{id}/replies', 'get', '200'));
    expect(checkReplies(replies.json), JSON.stringify(checkReplies.errors)).toBe(true);
    const checkReply = validatorFor(responseSchema('/api/v1/annotations/{id}/replies', 'post', '201'));
    expect(checkReply(created.json), JSON.stringify(checkReply.errors)).toBe(true);

    const documents = await call(listDocumentsRoute, 'GET', '/api/v1/documents', { user: ada });
    const checkDocuments = validatorFor(responseSchema('/api/v1/documents', 'get', '200'));
    expect(checkDocuments(documents.json), JSON.stringify(checkDocuments.errors)).toBe(true);

    const annotations = await call(listAnnotationsRoute, 'GET', '/x', {
      user: ada,
      params: { id: 'face-time' },
    });
    const checkAnnotations = validatorFor(responseSchema('/api/v1/documents/{id}/annotations', 'get', '200'));
    expect(checkAnnotations(annotations.json), JSON.stringify(checkAnnotations.errors)).toBe(true);

    const report = await importFile(ada, {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:z:1',
      type: 'Annotation',
      target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: para.text.slice(0, 25) } },
    });
    const checkReport = validatorFor(
      responseSchema('/api/v1/documents/{id}/annotations/import', 'post', '200'),
    );
    expect(checkReport(report.json), JSON.stringify(checkReport.errors)).toBe(true);

    const unauthenticated = await call(listDocumentsRoute, 'GET', '/api/v1/documents');
    const checkError = validatorFor(doc.components.schemas.Error);
    expect(checkError(unauthenticated.json)).toBe(true);
  });
});
