'use client';
import { z } from 'zod';

// zod 4 probes for `Function("")` to compile fast parsers; the Content-Security-Policy
// (proxy.ts, no 'unsafe-eval') blocks that and reports a violation. In the browser zod
// runs without the compiler instead. Evaluated when the root layout's client code loads,
// before any form is parsed.
z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
