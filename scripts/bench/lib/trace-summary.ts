// Reads a Chromium DevTools trace and a V8 CPU profile of one page load into a few lines:
// main-thread self time by phase (HTML parse, script compile, script run, style, layout,
// paint, GC), the long tasks, and script time by file and by function.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

// Event names as this Chromium's trace has them (several are C++ scopes, e.g.
// Document::recalcStyle, rather than the DevTools timeline's names).
const PHASES: [string, RegExp][] = [
  ['HTML parse', /^(ParseHTML|HTMLDocumentParser::.*)$/],
  [
    'script compile/parse',
    /compile|Compile|ParseFunction|PreParse|parseOnBackground|ScriptStreamer|produceCache|CacheScript|v8\.parse|Maglev|Turbofan|BytecodeBudgetInterrupt/,
  ],
  [
    'script run',
    /^(EvaluateScript|FunctionCall|v8\.callFunction|V8\.Execute|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|v8\.run|v8\.evaluateModule|V8\.RunMicrotasks|SerializedScriptValueFactory::.*)$/,
  ],
  [
    'style',
    /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::recalcStyle|Document::rebuildLayoutTree|Document::updateStyle.*|StyleEngine::.*)$/,
  ],
  [
    'layout',
    /^(Layout|UpdateLayout|LocalFrameView::performLayout|LocalFrameView::layout|InlineNode::.*|LayoutNG.*)$/,
  ],
  [
    'paint/composite',
    /^(Paint|PaintImage|PrePaint|Layerize|CompositeLayers|UpdateLayer|UpdateLayerTree|Commit|PaintSetup|RasterTask|LocalFrameView::Run.*Phase|PaintController::.*)$/,
  ],
  ['GC', /GC|gc|Heap/],
  ['task overhead', /^(RunTask|ThreadControllerImpl::RunTask)$/],
];

function phaseOf(name: string) {
  for (const [phase, re] of PHASES) if (re.test(name)) return phase;
  return 'other';
}

/** Self time per event name on the page's renderer main thread, from navigation to `untilMs`,
 * and the same up to first contentful paint (`fcpMs`). */
export function summarizeTrace(events: TraceEvent[], untilMs: number, fcpMs?: number): string[] {
  const navigation = events
    .filter(
      (e) =>
        e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes('/documents/'),
    )
    .sort((a, b) => a.ts - b.ts)
    .at(-1);
  if (!navigation) return ['(no navigationStart for the page in the trace)'];
  const mainTid = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.pid === navigation.pid &&
      e.args?.name === 'CrRendererMain',
  )?.tid;
  const t0 = navigation.ts;
  const t1 = t0 + untilMs * 1000;
  const onMain = events
    .filter((e) => e.pid === navigation.pid && e.tid === mainTid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts >= t0 && e.ts <= t1)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time: an event's duration less its direct children's.
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  const longTasks: { at: number; ms: number; top: Map<string, number> }[] = [];
  const childrenOf = new Map<TraceEvent, number>();
  const open: TraceEvent[] = [];
  for (const e of onMain) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) {
      stack.pop();
      open.pop();
    }
    const parent = open[open.length - 1];
    if (parent) childrenOf.set(parent, (childrenOf.get(parent) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
    open.push(e);
    if (e.name === 'RunTask' && stack.length === 1 && e.dur! >= 50_000)
      longTasks.push({ at: (e.ts - t0) / 1000, ms: e.dur! / 1000, top: new Map() });
  }
  for (const e of onMain) {
    const own = Math.max(0, e.dur! - (childrenOf.get(e) ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + own);
    const task = longTasks.find((t) => (e.ts - t0) / 1000 >= t.at && (e.ts - t0) / 1000 < t.at + t.ms);
    if (task && e.name !== 'RunTask')
      task.top.set(phaseOf(e.name), (task.top.get(phaseOf(e.name)) ?? 0) + own);
  }
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const early: string[] = [];
  if (fcpMs !== undefined) {
    const beforeFcp = new Map<string, number>();
    for (const e of onMain) {
      if (e.ts - t0 > fcpMs * 1000) break;
      const own = Math.max(0, e.dur! - (childrenOf.get(e) ?? 0));
      beforeFcp.set(phaseOf(e.name), (beforeFcp.get(phaseOf(e.name)) ?? 0) + own);
    }
    const paints = onMain
      .filter((e) => e.name === 'Paint' || e.name === 'PaintSetup')
      .map((e) => (e.ts - t0) / 1000);
    early.push(
      `main thread before FCP (${fcpMs.toFixed(0)} ms), self time by phase: ${[...beforeFcp]
        .sort((a, b) => b[1] - a[1])
        .map(([p, us]) => `${p} ${ms(us)}`)
        .join(', ')}; first main-thread Paint at ${paints[0]?.toFixed(0) ?? '–'} ms`,
      `  top-level tasks before FCP: ${onMain
        .filter((e) => e.name === 'RunTask' && e.ts - t0 <= fcpMs * 1000 && e.dur! >= 10_000)
        .map((e) => `@${((e.ts - t0) / 1000).toFixed(0)} ${(e.dur! / 1000).toFixed(0)}`)
        .join(', ')}`,
    );
  }
  const byPhase = new Map<string, number>();
  const others = new Map<string, number>();
  for (const [name, us] of self) {
    const phase = phaseOf(name);
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + us);
    if (phase === 'other') others.set(name, us);
  }
  const lines = [
    ...early,
    `main thread, navigation → clickable (${untilMs.toFixed(0)} ms), self time by phase: ` +
      [...byPhase]
        .sort((a, b) => b[1] - a[1])
        .map(([p, us]) => `${p} ${ms(us)}`)
        .join(', '),
    `  "other" is mostly: ${[...others]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, us]) => `${n} ${ms(us)}`)
      .join(', ')}`,
    `  long tasks (≥ 50 ms): ${
      longTasks
        .map(
          (t) =>
            `@${t.at.toFixed(0)} ${t.ms.toFixed(0)} ms [${[...t.top]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 3)
              .map(([p, us]) => `${p} ${ms(us)}`)
              .join(', ')}]`,
        )
        .join('; ') || 'none'
    }`,
  ];
  return lines;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a built chunk holds, guessed from strings that survive minification. */
const CHUNK_MARKERS: [string, string][] = [
  ['marginalia-draft', 'reader (painter)'],
  ['ProseMirror', 'tiptap/prosemirror'],
  ['autoUpdate', 'floating-ui'],
  ['react-dom', 'react-dom'],
  ['QueryClient', 'react-query'],
  ['useVirtualizer', 'react-virtual'],
  ['__next_f', 'next runtime'],
];

function chunkLabel(url: string, dist: string | undefined): string {
  const short = url.replace(/^https?:\/\/[^/]+/, '');
  if (!dist || !short.startsWith('/_next/static/')) return short || '(native/internal)';
  const file = path.join(dist, short.replace('/_next/', ''));
  if (!existsSync(file)) return short;
  const text = readFileSync(file, 'utf8');
  const found = CHUNK_MARKERS.filter(([marker]) => text.includes(marker)).map(([, label]) => label);
  return `${short.split('/').at(-1)} (${(text.length / 1024).toFixed(0)} KB${found.length ? `: ${found.join(', ')}` : ''})`;
}

/** Script self time by file and the top functions, from a V8 sampling profile. */
export function summarizeProfile(profile: CpuProfile, dist?: string): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    selfByNode.set(
      profile.samples[i],
      (selfByNode.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0),
    );
  const byUrl = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfByNode) {
    const { callFrame } = byId.get(id)!;
    const url = callFrame.url || callFrame.functionName;
    byUrl.set(url, (byUrl.get(url) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').at(-1)}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const skip = (k: string) => k === '(idle)';
  return [
    `V8 samples, self time by file: ${[...byUrl]
      .filter(([k]) => !skip(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([url, us]) => `${chunkLabel(url, dist)} ${ms(us)}`)
      .join('; ')}`,
    `V8 samples, top functions: ${[...byFunction]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([fn, us]) => `${fn} ${ms(us)}`)
      .join('; ')}`,
  ];
}
