import { z, type ZodType } from 'zod';
import { ref, type JsonSchema } from './components';

// Notes are z.unknown() in the zod schemas (they are validated by lib/notes): in the
// document they point at the hand-written NoteDoc schema.
const NOTE_FIELDS = new Set(['note', 'body']);

function describeNotes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(describeNotes);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, prop]) => [
          name,
          NOTE_FIELDS.has(name) && Object.keys(prop as object).length === 0
            ? { anyOf: [ref('NoteDoc'), { type: 'null' }] }
            : describeNotes(prop),
        ]),
      );
    } else out[key] = describeNotes(value);
  }
  return out;
}

/** The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of what a client sends or receives. */
export function zodToSchema(schema: ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return describeNotes(json) as JsonSchema;
}

/** A query schema (a zod object) as OpenAPI query parameters; repeated keys make arrays. */
export function queryParameters(schema: ZodType): JsonSchema[] {
  const json = zodToSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: 'query',
      required: required.has(name) && !('default' in prop),
      ...(description ? { description } : {}),
      schema: rest,
      ...(JSON.stringify(rest).includes('"array"') ? { style: 'form', explode: true } : {}),
    };
  });
}
