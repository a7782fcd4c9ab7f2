// Generators of hostile input for the API fuzz suite (fast-check): strings with NUL, lone
// surrogates, control characters and huge lengths; wrong types; deep nesting; unusual
// Origins; malformed percent-encoding. Shared by `npm test` (short run) and `npm run fuzz`.
import fc from 'fast-check';

export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\ud83d',
    '😀\ud83d',
    '%00',
    '%E0%A4%A',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '=HYPERLINK("x")',
    '\u202e\u200b',
    ' ',
    '',
  ),
  fc.integer({ min: 1, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** Any JSON value, hostile strings included, nested a little. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string(),
        hostileString.filter((s) => s.length < 50),
      ),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

function deep(levels: number, leaf: string): string {
  return `${'{"a":['.repeat(levels)}${JSON.stringify(leaf)}${']}'.repeat(levels)}`;
}

/** A request body: an object with the operation's own fields set to hostile values, any
 * JSON, deep nesting, or text that is not JSON at all. */
export function hostileBody(fields: string[]): fc.Arbitrary<string | undefined> {
  const withFields =
    fields.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(fields.map((f) => [f, hostileJson])), { requiredKeys: [] });
  return fc.oneof(
    withFields.map((v) => JSON.stringify(v)),
    hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
    fc.integer({ min: 65, max: 20_000 }).map((n) => deep(n, '\u0000')),
    fc.constantFrom('{', '{"a":', 'nul', '\u0000', '[1,2', '"\\ud800"', '{"a":"\\u0000"}', ''),
    fc.constant(undefined),
  );
}

export const hostileOrigin = fc.constantFrom<string | undefined>(
  undefined,
  'null',
  'http://evil.example',
  'file://',
  'not a url',
  '%%%',
  'http://127.0.0.1:3000',
  'http://127.0.0.1:3000.evil.example',
);

/** A path segment to splice raw into a URL: malformed percent-encoding and friends. */
export const rawPathSegment = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  'a%2',
  '%%',
);
