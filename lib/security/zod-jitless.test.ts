import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZOD_JITLESS_SCRIPT } from './zod-jitless';

describe('the root layout’s zod configuration script', () => {
  afterEach(() => {
    z.config({ jitless: false });
  });

  it('turns zod’s compiler off even when zod was loaded before it ran', () => {
    z.config({ jitless: false });
    runInThisContext(ZOD_JITLESS_SCRIPT);
    expect(z.config().jitless).toBe(true);
  });

  it('still parses and refuses as before without the compiler', () => {
    runInThisContext(ZOD_JITLESS_SCRIPT);
    const schema = z.object({ tag: z.enum(['claim', 'evidence']), start: z.number().int() });
    expect(schema.parse({ tag: 'claim', start: 3 })).toEqual({ tag: 'claim', start: 3 });
    expect(schema.safeParse({ tag: 'note', start: 3 }).success).toBe(false);
  });
});
