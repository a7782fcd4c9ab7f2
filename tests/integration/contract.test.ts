// The contract test: for every operation of the OpenAPI document, a real request to the real
// route handler, and a parse of the real response with the zod schema the operation declares
// (lib/openapi/operations.ts). A route that answers a shape its schema does not describe, a
// field the schema does not name, or a status the operation does not list fails here.
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { GET as getAnnotation, PATCH as patchAnnotation } from '@/app/api/v1/annotations/[id]/route';
import { GET as listDocuments } from '@/app/api/v1/documents/route';
import { PATCH as patchGroup } from '@/app/api/v1/groups/[id]/route';
import { POST as createGroup } from '@/app/api/v1/groups/route';
import { apiErrorSchema } from '@/lib/errors/schemas';
import { operations, type OperationSpec } from '@/lib/openapi/operations';
import { hit, probes, world, type Answer } from './contract-probes';
import { paragraphs } from './export-fixtures';

const key = (op: OperationSpec) => `${op.method} ${op.path}`;

/** Parses with the declared schema and fails on anything it does not name: a zod object
 * drops unknown keys, so the parse must give back exactly what was received. */
function expectMatches(schema: ZodType, json: unknown, where: string) {
  const parsed = schema.safeParse(json);
  expect(parsed.success, `${where}: ${parsed.error?.message}\n${JSON.stringify(json).slice(0, 2000)}`).toBe(
    true,
  );
  expect(parsed.data, `${where}: fields the schema does not declare`).toEqual(json);
}

describe('the contract', () => {
  it('has a real request for every operation of the OpenAPI document', () => {
    expect(operations.map(key).filter((k) => !(k in probes))).toEqual([]);
    expect(Object.keys(probes).filter((k) => !operations.some((op) => key(op) === k))).toEqual([]);
  });

  it('every route answers what its operation declares, shape for shape', async () => {
    const w = await world();
    for (const op of operations) {
      const answer = await probes[key(op)](w);
      const where = `${key(op)} → ${answer.status}`;
      const declared = op.responses[answer.status];
      expect(declared, `${where} is not a declared response: ${JSON.stringify(answer.json)}`).toBeDefined();
      expect(answer.status, where).toBeLessThan(300);
      if (declared.schema) {
        expect(answer.contentType, where).toMatch(/^application\/json/);
        expectMatches(declared.schema, answer.json, where);
      } else if (declared.contentTypes) {
        expect(
          declared.contentTypes.some((type) => answer.contentType.startsWith(type)),
          where,
        ).toBe(true);
      } else {
        expect(answer.json, where).toBeNull();
      }
    }
  }, 120_000); // one request per operation, in a row: on a busy machine that takes a while

  it('every failure is an Error of the contract: not signed in, not found, invalid, stale', async () => {
    const w = await world();
    const failures: [string, Answer, number][] = [
      ['unauthenticated', await hit(listDocuments, 'GET'), 401],
      ['missing', await hit(getAnnotation, 'GET', { user: w.ada, params: { id: crypto.randomUUID() } }), 404],
      ['invalid', await hit(createGroup, 'POST', { user: w.ada, body: { name: 'x'.repeat(81) } }), 400],
      [
        'forbidden',
        await hit(patchGroup, 'PATCH', { user: w.bob, params: { id: w.groupId }, body: { revealAfter: 2 } }),
        403,
      ],
      [
        'stale',
        await hit(patchAnnotation, 'PATCH', {
          user: w.bob,
          params: { id: w.bobs.id },
          body: { rev: w.bobs.rev + 5, note: paragraphs('Late') },
        }),
        409,
      ],
    ];
    for (const [what, answer, status] of failures) {
      expect(answer.status, what).toBe(status);
      expect(apiErrorSchema.safeParse(answer.json).success, `${what}: ${JSON.stringify(answer.json)}`).toBe(
        true,
      );
    }
  });
});
