// One rule for all text that reaches the server (JSON bodies, query and path values):
// a string with a NUL character or a lone UTF-16 surrogate is refused, never stored or
// normalised. PostgreSQL cannot store either in text columns, and a lone surrogate has no
// UTF-8 form, so accepting them would only move the failure to a 500 further down.

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const HOSTILE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper JSON than any of our requests needs; refused before recursive parsers see it. */
export const MAX_JSON_DEPTH = 64;

export interface HostileText {
  /** dotted path of the offending value (`body.note.content.0.text`), or of a key */
  path: string;
  message: string;
}

export function isHostileString(value: string): boolean {
  return HOSTILE.test(value);
}

export const HOSTILE_TEXT_MESSAGE =
  'This does not look like text: it contains a NUL character or an unpaired UTF-16 surrogate.';
export const TOO_DEEP_MESSAGE = `Nested more than ${MAX_JSON_DEPTH} levels deep.`;

const join = (prefix: string, key: string | number) => (prefix ? `${prefix}.${key}` : String(key));

/**
 * The first string (value or key) in a parsed JSON value, query or path object that breaks
 * the rule, or a structure nested too deeply; null when all is well. Iterative, so that a
 * hostile depth cannot overflow the stack.
 */
export function findHostileText(value: unknown, prefix = ''): HostileText | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: prefix, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (isHostileString(item.value)) return { path: item.path || '_', message: HOSTILE_TEXT_MESSAGE };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_JSON_DEPTH) return { path: item.path || '_', message: TOO_DEEP_MESSAGE };
    const entries: [string | number, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v])
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      const path = join(item.path, key);
      if (typeof key === 'string' && isHostileString(key)) return { path, message: HOSTILE_TEXT_MESSAGE };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}
