// After the e2e run: how long it took and which tests were slowest, against their time
// limit, so that a test creeping towards its limit is seen long before it fails on a busy
// machine.
import { existsSync, readFileSync } from 'node:fs';

interface Spec {
  title: string;
  file: string;
  tests: { timeout: number; results: { duration: number }[] }[];
}
interface Suite {
  specs?: Spec[];
  suites?: Suite[];
}

/** Durations of every test result in a Playwright JSON report, slowest first. */
export function testDurations(report: { suites: Suite[] }) {
  const out: { title: string; seconds: number; limit: number }[] = [];
  const walk = (suite: Suite) => {
    suite.suites?.forEach(walk);
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        for (const result of test.results)
          out.push({ title: spec.title, seconds: result.duration / 1000, limit: test.timeout / 1000 });
  };
  report.suites.forEach(walk);
  return out.sort((a, b) => b.seconds - a.seconds);
}

export function reportSlowestTests(file: string, count = 3) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const durations = testDurations(report);
  console.log(`\n[e2e] ${(report.stats.duration / 1000).toFixed(1)} s in all; slowest:`);
  for (const t of durations.slice(0, count)) {
    const share = t.limit > 0 ? ` (${Math.round((100 * t.seconds) / t.limit)} % of its ${t.limit} s)` : '';
    console.log(`  ${t.seconds.toFixed(1).padStart(5)} s${share}  ${t.title}`);
  }
  const close = durations.filter((t) => t.limit > 0 && t.seconds > t.limit / 2);
  if (close.length > 0)
    console.log(`[e2e] warning: ${close.length} test(s) used more than half of their time limit`);
}
