// `npx tsx scripts/bench/profile-reader.ts [--sizes=1000,10000] [--dists=.next-base,.next-bench] [--runs=3] [--out=dir] [--warm]`
// Where the reader page's first load goes, by phase, from real Chromium profiles: one
// navigation per scene under a DevTools trace (main-thread self time by event: HTML parse,
// script compile and run, style, layout, paint) and the V8 sampling profiler (script time by
// file, top functions), plus the page's own timeline (resources, first paint, painter marks).
// With several --dists (next builds of different sources, e.g. before/after), every build
// serves the same scenes and is measured in turn, so a busy machine skews them alike. A dist
// may name its server: `.next-bench:next-start` beside `.next-bench:serve` (the default, as
// `npm start` serves) compares the two servers on one build.
// Uses DATABASE_URL's server when given, like the bench; builds nothing (build first).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from '../lib/chromium';
import { browserCookies } from './lib/http';
import { appServerFrom, startApp, type RunningApp } from './lib/app-server';
import { openBenchServer } from './lib/scratch-db';
import { seedScene, type BenchScene } from './lib/seed';
import { median } from './lib/stats';
import {
  waitForFullList,
  measureNavigation,
  probeScript,
  VIEWPORT,
  whenReady,
} from './lib/reader-navigation';
import { summarizeProfile, summarizeTrace, type TraceEvent } from './lib/trace-summary';
import { measureFloor } from './floor';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const dists = arg('dists', '.next-bench').split(',');
const runs = Number(arg('runs', '3'));
/** also measure second visits: navigations in one browser context after a first one, so the
 * scripts come from the HTTP cache (and V8's code cache once they have run twice) and the
 * highlights revalidate with their ETag */
const warm = process.argv.includes('--warm');
/** where to keep the raw trace and CPU profile of each traced navigation (for DevTools), if anywhere */
const outDir = arg('out', '');

async function warmNavigations(browser: Browser, scene: BenchScene, baseUrl: string, cookie: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addCookies(browserCookies(cookie, baseUrl));
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(scene.highlightRuns) });
    const samples: { ready: number; fcp: number }[] = [];
    for (let i = 0; i <= runs; i++) {
      const fullList = waitForFullList(page);
      const ready = whenReady(page);
      await page.goto(`${baseUrl}/documents/face-time`, { waitUntil: 'commit' });
      await ready;
      const sample = await page.evaluate(() => ({
        ready: (window as unknown as { __bench: { readyAt: number } }).__bench.readyAt,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }));
      await (await fullList).finished();
      if (i > 0) samples.push(sample);
    }
    return samples;
  } finally {
    await context.close();
  }
}

async function tracedNavigation(browser: Browser, scene: BenchScene, baseUrl: string, cookie: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addCookies(browserCookies(cookie, baseUrl));
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(scene.highlightRuns) });
    const cdp: CDPSession = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (message) => {
      events.push(...(message.value as unknown as TraceEvent[]));
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'loading',
          'v8',
          'v8.execute',
          'disabled-by-default-v8.compile',
          'blink',
        ],
      },
    });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const ready = whenReady(page);
    await page.goto(`${baseUrl}/documents/face-time`, { waitUntil: 'commit' });
    await ready;
    const timeline = await page.evaluate(() => {
      const probe = (window as unknown as { __bench: { readyAt: number; marksAt: number } }).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        readyAt: probe.readyAt,
        marksAt: probe.marksAt,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.startTime <= probe.readyAt)
          .map((r) => ({
            name: r.name.replace(location.origin, '').replace(/\?.*$/, ''),
            start: r.startTime,
            requestStart: r.requestStart,
            responseStart: r.responseStart,
            end: r.responseEnd,
            bytes: r.encodedBodySize,
            blocking: (r as unknown as { renderBlockingStatus?: string }).renderBlockingStatus,
          })),
        marks: performance
          .getEntriesByType('mark')
          .map((m) => ({ name: m.name, at: m.startTime }))
          .filter((m) => m.at <= probe.readyAt),
        measures: performance
          .getEntriesByType('measure')
          .map((m) => ({ name: m.name, at: m.startTime, ms: m.duration }))
          .filter((m) => m.at <= probe.readyAt),
      };
    });
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: Parameters<typeof summarizeProfile>[0];
    };
    const ended = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await ended;
    return { timeline, events, profile };
  } finally {
    await context.close();
  }
}

function report(label: string, dist: string, traced: Awaited<ReturnType<typeof tracedNavigation>>) {
  const { timeline, events, profile } = traced;
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    const base = path.join(outDir, label.replace(/[^\w]+/g, '-'));
    writeFileSync(`${base}.trace.json`, JSON.stringify({ traceEvents: events }));
    writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
  }
  const f = (n: number) => n.toFixed(0).padStart(5);
  console.log(`\n## ${label}: one traced navigation (ms from navigation start)`);
  console.log(
    `HTML received ${f(timeline.responseEnd)}, FCP ${f(timeline.fcp)}, DOMContentLoaded ${f(timeline.domContentLoaded)}, all marks ${f(timeline.marksAt)}, clickable ${f(timeline.readyAt)}`,
  );
  for (const r of timeline.resources)
    console.log(
      `  ${f(r.start)} → ${f(r.end)} (sent ${f(r.requestStart)}, first byte ${f(r.responseStart)})  ${(r.bytes / 1024).toFixed(0).padStart(5)} KB  ${r.name}${r.blocking === 'blocking' ? '  (render-blocking)' : ''}`,
    );
  for (const m of timeline.marks) console.log(`  mark ${f(m.at)} ${m.name}`);
  for (const m of timeline.measures) console.log(`  measure ${f(m.at)} +${m.ms.toFixed(1)} ${m.name}`);
  for (const line of summarizeTrace(events, timeline.readyAt, timeline.fcp)) console.log(line);
  for (const line of summarizeProfile(profile, dist)) console.log(line);
}

async function main() {
  ensureChromium();
  const server = await openBenchServer();
  const apps: RunningApp[] = [];
  try {
    const databaseUrl = await server.clone('profile');
    for (const dist of dists) {
      const [dir, server] = dist.split(':');
      process.env.NEXT_DIST_DIR = dir;
      apps.push(
        await startApp(databaseUrl, { authSecret: apps[0]?.authSecret, server: appServerFrom(server) }),
      );
    }
    const scenes: BenchScene[] = [];
    for (const annotations of sizes)
      scenes.push(await seedScene(apps[0].baseUrl, databaseUrl, { readers: 30, annotations }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      for (const scene of scenes) {
        const cookie = scene.readers[1].cookie;
        const medians: string[] = [];
        // Interleaved: each round measures every build once.
        const samples = apps.map(() => [] as Awaited<ReturnType<typeof measureNavigation>>[]);
        for (const app of apps) await measureNavigation(browser, { ...scene, baseUrl: app.baseUrl }, cookie);
        for (let i = 0; i < runs; i++)
          for (const [k, app] of apps.entries())
            samples[k].push(await measureNavigation(browser, { ...scene, baseUrl: app.baseUrl }, cookie));
        for (const [k, app] of apps.entries()) {
          const pick = (key: 'textPainted' | 'domContentLoaded' | 'marks' | 'ready' | 'transferred') =>
            median(samples[k].map((s) => s[key])).toFixed(0);
          medians.push(
            `${dists[k]} @ ${scene.annotations}: median of ${runs}: FCP ${pick('textPainted')}, DCL ${pick('domContentLoaded')}, all marks ${pick('marks')}, clickable ${pick('ready')}, ${(Number(pick('transferred')) / 1024).toFixed(0)} KB until clickable (clickable runs: ${samples[k].map((s) => s.ready.toFixed(0)).join(', ')})`,
          );
          report(
            `${dists[k]} @ ${scene.annotations}`,
            dists[k].split(':')[0],
            await tracedNavigation(browser, scene, app.baseUrl, cookie),
          );
        }
        if (warm)
          for (const [k, app] of apps.entries()) {
            const visits = await warmNavigations(browser, scene, app.baseUrl, cookie);
            medians.push(
              `${dists[k]} @ ${scene.annotations}, second visits (HTTP cache warm): median of ${runs}: FCP ${median(visits.map((v) => v.fcp)).toFixed(0)}, clickable ${median(visits.map((v) => v.ready)).toFixed(0)} (clickable runs: ${visits.map((v) => v.ready.toFixed(0)).join(', ')})`,
            );
          }
        // The floor: the same page painted, as static HTML (./floor.ts), after the builds.
        const floor = await measureFloor(browser, { ...scene, baseUrl: apps[0].baseUrl }, cookie);
        medians.push(
          `floor @ ${scene.annotations}: median of 3: FCP ${floor.text.toFixed(0)}, all marks ${floor.marks.toFixed(0)}, clickable ${floor.ready.toFixed(0)} (clickable runs: ${floor.runs.map((s) => s.ready.toFixed(0)).join(', ')}; ${(floor.htmlBytes / 1024).toFixed(0)} KB of HTML)`,
        );
        console.log(`\n${medians.join('\n')}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    for (const app of apps) await app.stop();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
