// Where one filter toggle spends its time: a Chrome trace (main thread: scripts, style,
// layout, paint) and a JS CPU profile of exactly one toggle, taken over CDP, summarized as
// a few lines for the report (the issue asks for a profile of any toggle that misses its
// target). Function names are those of the production build: class methods keep theirs,
// module-level functions and React's internals are minified.
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time: on a busy machine `dur` also counts the time the thread waited */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
];

/** Trace events of the main thread as self time by name (a nested event's time counts once,
 * for the innermost), within [from, to] (trace microseconds); wall time, or with `cpu` the
 * thread's own time. */
function selfTimes(events: TraceEvent[], from: number, to: number, cpu = false) {
  const time = (e: TraceEvent) => (cpu ? (e.tdur ?? e.dur!) : e.dur!);
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts + e.dur! <= to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of spans) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - time(e));
    self.set(e.name, (self.get(e.name) ?? 0) + time(e));
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  return self;
}

/** Self time per function of a CPU profile within [from, to] (µs), largest first. */
function topFunctions(profile: CpuProfile, from: number, to: number, count: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (at < from || at > to) continue;
    const frame = byId.get(samples[i])!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = frame.url
      ? `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : frame.functionName || '(program)';
    // A sample's time is the delta to the next one.
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...self.entries()]
    .filter(([name]) => name !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

/** Runs `toggle` under a trace and a CPU profile; it marks `bench-toggle-click` just before
 * the click and `bench-toggle-frame` once the next frame is painted. Returns the summary
 * lines: the click to the frame, then what came after (the idle slices). */
export async function traceToggle(page: Page, label: string, toggle: () => Promise<unknown>) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  await cdp.send('Profiler.start');
  await toggle();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await page.evaluate(() => performance.mark('bench-toggle-end'));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const mark = (name: string) => events.find((e) => e.name === name && e.ph !== 'M');
  const start = mark('bench-toggle-click');
  const end = mark('bench-toggle-frame');
  const last = mark('bench-toggle-end');
  if (!start || !end || !last) return [`[${label}] toggle trace: no user-timing marks in the trace`];
  const main = events.filter(
    (e) =>
      e.pid === start.pid &&
      e.tid ===
        events.find(
          (m) =>
            m.ph === 'M' &&
            m.name === 'thread_name' &&
            m.pid === start.pid &&
            m.args?.name === 'CrRendererMain',
        )?.tid,
  );
  const total = (end.ts - start.ts) / 1000;
  const fmt = (us: number) => (us / 1000).toFixed(1);
  const phasesOf = (from: number, to: number) =>
    [...selfTimes(main, from, to).entries()]
      .filter(([, us]) => us >= 500)
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => `${name} ${fmt(us)}`)
      .join(', ');
  const phases = phasesOf(start.ts, end.ts);
  // The same in thread time, what a busy machine's waits do not inflate: comparable across runs.
  const cpu = [...selfTimes(main, start.ts, end.ts, true).entries()].sort((a, b) => b[1] - a[1]);
  const cpuTotal = cpu.reduce((sum, [, us]) => sum + us, 0);
  const cpuPhases = cpu
    .filter(([, us]) => us >= 500)
    .map(([name, us]) => `${name} ${fmt(us)}`)
    .join(', ');
  const styles = main.filter((e) => e.name === 'UpdateLayoutTree' && e.ts >= start.ts && e.ts <= end.ts);
  const elements = styles.map((e) => (e.args?.elementCount as number | undefined) ?? 0);
  const layouts = main.filter((e) => e.name === 'Layout' && e.ts >= start.ts && e.ts <= end.ts);
  const layoutObjects = layouts.map(
    (e) => ((e.args?.beginData as { dirtyObjects?: number } | undefined)?.dirtyObjects ?? 0) as number,
  );
  // The tasks of the window in order, each with its largest parts: what ran before the frame.
  const tasks = main
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.ts + e.dur! >= start.ts &&
        e.ts <= end.ts &&
        e.dur! >= 1000,
    )
    .map((task) => {
      const parts = [...selfTimes(main, task.ts, task.ts + task.dur!).entries()]
        .filter(([name]) => name !== 'ThreadControllerImpl::RunTask')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, us]) => `${name} ${fmt(us)}`)
        .join(', ');
      return `+${fmt(task.ts - start.ts)}: ${fmt(task.dur!)} (${parts})`;
    })
    .join('; ');
  const paints = main.filter((e) => e.name === 'Paint' && e.ts >= start.ts && e.ts <= end.ts).length;
  const images = main.filter((e) => e.name === 'PaintImage' && e.ts >= start.ts && e.ts <= end.ts).length;
  const functions = topFunctions(profile, start.ts, end.ts, 12)
    .map(([name, msSelf]) => `${name} ${msSelf.toFixed(1)}`)
    .join('; ');
  return [
    `[${label}] one Claim toggle traced (${total.toFixed(0)} ms from the click's task to the painted frame, tracing overhead included); main-thread self time by trace event (ms): ${phases}`,
    `[${label}]   thread (CPU) time from the click to the frame: ${fmt(cpuTotal)} ms (${cpuPhases})`,
    `[${label}]   tasks from the click to the frame (ms): ${tasks}`,
    `[${label}]   style recalcs: ${styles.length} (${elements.join(', ')} elements); layouts: ${layouts.length} (${layoutObjects.join(', ')} dirty objects); paints: ${paints}, with ${images} images painted (the tags' band gradients)`,
    `[${label}]   JS self time by function (ms, production names): ${functions}`,
    `[${label}]   after the frame, until the article settled (${((last.ts - end.ts) / 1000).toFixed(0)} ms, idle included): ${phasesOf(end.ts, last.ts)}`,
  ];
}
