import { describe, expect, it } from 'vitest';
import { updateAnnotationSchema } from '@/lib/annotations/schemas';
import { buildOpenApiDocument } from './document';
import type { JsonSchema } from './zod-schema';

type Operation = {
  parameters?: { name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

/** Every string without a length limit and every array without an item limit, by path. */
function unbounded(schema: unknown, path: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => unbounded(s, `${path}[${i}]`));
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as JsonSchema;
  const found: string[] = [];
  const types = ([] as unknown[]).concat(s.type ?? []);
  const fixed = 'enum' in s || 'const' in s || s.format === 'uuid';
  if (types.includes('string') && !fixed && typeof s.maxLength !== 'number') found.push(`${path}: string`);
  if (types.includes('array') && 'items' in s && typeof s.maxItems !== 'number') found.push(`${path}: array`);
  for (const [key, value] of Object.entries(s)) {
    if (key === 'examples') continue;
    found.push(...unbounded(value, `${path}.${key}`));
  }
  return found;
}

describe('bounded input', () => {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method} ${path}`, op })),
  );

  it('every string and every array of every request body and query has a maximum', () => {
    const found = operations.flatMap(({ name, op }) => [
      ...(op.parameters ?? []).flatMap((p) => unbounded(p.schema, `${name} ?${p.name}`)),
      ...Object.entries(op.requestBody?.content ?? {}).flatMap(([type, c]) =>
        unbounded(c.schema, `${name} (${type})`),
      ),
    ]);
    expect(found).toEqual([]);
    expect(operations.length).toBeGreaterThan(30);
  });

  it('holds names to 80 characters, titles to 300 and searches to 200', () => {
    const body = (name: string) =>
      operations.find((o) => o.name === name)!.op.requestBody!.content['application/json'].schema as {
        properties: Record<string, JsonSchema>;
      };
    expect(body('post /api/v1/groups').properties.name.maxLength).toBe(80);
    expect(body('post /api/auth/sign-up/email').properties.name.maxLength).toBe(80);
    expect(body('post /api/v1/documents').properties.title.maxLength).toBe(300);
    const search = operations
      .find((o) => o.name === 'get /api/v1/documents/{id}/annotations')!
      .op.parameters!.find((p) => p.name === 'q')!;
    expect(search.schema.maxLength).toBe(200);
  });
});

describe('an annotation edit', () => {
  it('takes the revision as rev, and still as version (its former name)', () => {
    expect(updateAnnotationSchema.parse({ rev: 3, tags: ['claim'] })).toEqual({ rev: 3, tags: ['claim'] });
    expect(updateAnnotationSchema.parse({ version: 4 })).toEqual({ rev: 4 });
    expect(updateAnnotationSchema.parse({ rev: 5, version: 4 })).toEqual({ rev: 5 });
  });

  it('says which field is missing when neither is sent', () => {
    const result = updateAnnotationSchema.safeParse({ tags: ['claim'] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['rev'],
      message: 'Send rev, the revision you edited.',
    });
  });
});
