// zod 4 probes for `Function("")` to compile fast parsers; the Content-Security-Policy
// (proxy.ts, no 'unsafe-eval') blocks that and reports a violation, so in the browser zod must
// run without its compiler. zod keeps its configuration on `globalThis.__zod_globalConfig`
// (creating it only when absent), so one inline script in the root layout's <head> configures
// every page before any bundle runs — and zod's chunk loads only on pages that parse with it,
// not before every page hydrates (docs/adr/0027-first-load-main-thread.md). Assigning into
// the object (rather than replacing it) also holds if zod happened to evaluate first.
export const ZOD_JITLESS_SCRIPT =
  'Object.assign(globalThis.__zod_globalConfig||(globalThis.__zod_globalConfig={}),{jitless:true})';
