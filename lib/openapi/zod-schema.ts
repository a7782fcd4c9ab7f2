// zod → JSON Schema (2020-12, the dialect of OpenAPI 3.1) with zod 4's own z.toJSONSchema.
// A schema that carries `.meta({ id })` (Annotation, Reply, Error, …) becomes a component:
// zod emits it under `$defs`, and here it moves to `components.schemas`.
import { z, type ZodType } from 'zod';

export type JsonSchema = Record<string, unknown>;

export const COMPONENTS_PREFIX = '#/components/schemas/';

export const ref = (name: string): JsonSchema => ({ $ref: `${COMPONENTS_PREFIX}${name}` });

/** Collects the components met while converting schemas, and refuses two shapes for one name. */
export class ComponentCollector {
  readonly schemas: Record<string, JsonSchema> = {};

  add(id: string, schema: JsonSchema, io: 'input' | 'output') {
    const known = this.schemas[id];
    if (known === undefined) this.schemas[id] = schema;
    else if (io === 'output' && JSON.stringify(known) !== JSON.stringify(schema))
      throw new Error(`Two different schemas are both named ${id} in the OpenAPI document.`);
  }
}

const toComponentRefs = (json: unknown): JsonSchema =>
  JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', `"${COMPONENTS_PREFIX}`)) as JsonSchema;

/** The JSON Schema of what a client sends (`input`) or receives (`output`). */
export function zodToSchema(
  schema: ZodType,
  io: 'input' | 'output',
  components: ComponentCollector,
): JsonSchema {
  const {
    $schema: _dialect,
    $defs,
    ...json
  } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>))
    components.add(id, toComponentRefs(def), io);
  return toComponentRefs(json);
}

/** A query schema (a zod object) as OpenAPI query parameters; repeated keys make arrays. */
export function queryParameters(schema: ZodType, components: ComponentCollector): JsonSchema[] {
  const json = zodToSchema(schema, 'input', components);
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
