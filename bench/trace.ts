/**
 * Which main-thread tasks are the extension's: a Chromium trace of one page load,
 * reduced to the renderer main thread's tasks. A task is the extension's when it
 * evaluates or calls into a `chrome-extension://` script (content script start,
 * TreeWalker filters, observers' callbacks) or resumes a `scheduler.yield()`
 * continuation (the page here never yields, the engine does). Of a task that renders a
 * frame or dispatches an event, only the extension's callbacks count: the frame or the
 * event is the page's.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

interface ExtensionTask {
  /** ms since the first ParseHTML of the page (≈ navigation start). */
  start: number;
  duration: number;
  /**
   * ms spent in the main parts, for the longest tasks: style, layout, GC, compile,
   * intersections, paint, and `callbacks` (calls from the browser into extension
   * functions, e.g. TreeWalker filters; the rest is the engine's own JS).
   */
  parts: Record<string, number>;
}

export interface TraceSummary {
  tasks: number;
  totalMs: number;
  longest: number;
  /** Σ max(0, duration − 50) over the extension's own tasks. */
  blockingMs: number;
  over50: number;
  /** The longest few, with what they spent their time on. */
  top: ExtensionTask[];
}

/**
 * `RunTask` of disabled-by-default-devtools.timeline spans a task and its microtask
 * checkpoint (where an awaited `scheduler.yield()` resumes); toplevel's
 * `ThreadControllerImpl::RunTask` stops before the checkpoint.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
/** Child events worth naming when a task is long. */
const PARTS: Record<string, string> = {
  'v8.compile': 'compile',
  Layout: 'layout',
  UpdateLayoutTree: 'style',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'IntersectionObserverController::computeIntersections': 'intersections',
  Paint: 'paint',
  PrePaint: 'paint',
};

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as unknown as TraceEvent[]) {
      // Keep what the analysis needs: complete events and the thread names.
      if (ev.ph === 'X' || ev.ph === 'M') events.push(ev);
    }
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

const isExtensionUrl = (e: TraceEvent) =>
  (e.args?.data?.url ?? '').startsWith('chrome-extension://');

export function summarizeTrace(events: TraceEvent[], pageUrl: string): TraceSummary | null {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(pageUrl),
  );
  if (!parse) return null;
  const { pid, tid } = parse;
  const main = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const t0 = parse.ts;
  // Outermost RunTask events only (nested run loops are part of their task).
  const tasks: TraceEvent[] = [];
  for (const e of main) {
    if (e.name !== 'RunTask') continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  const ext = new Set<TraceEvent>();
  const children = new Map<TraceEvent, TraceEvent[]>();
  /**
   * Tasks the page runs whether or not the extension is there: rendering a frame, or
   * dispatching an event (a click, the previous document's unload) that a listener of
   * the extension also hears. And the time of the extension's calls in each (µs).
   */
  const pageTasks = new Set<TraceEvent>();
  const extensionCalls = new Map<TraceEvent, number>();
  const callEnd = new Map<TraceEvent, number>();
  // Events are sorted by start; walk them with a cursor over the (non-nested) tasks.
  let k = 0;
  for (const e of main) {
    if (e.name === 'RunTask') continue;
    while (k < tasks.length && tasks[k]!.ts + (tasks[k]!.dur ?? 0) < e.ts) k++;
    const task = tasks[k];
    if (!task || e.ts < task.ts) continue;
    if (
      ((e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isExtensionUrl(e)) ||
      e.name === 'RunYieldContinuation'
    )
      ext.add(task);
    if (e.name === 'FireAnimationFrame' || e.name === 'EventDispatch') pageTasks.add(task);
    // Outermost extension calls and script runs only (nested calls are inside their duration).
    if (
      (e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
      isExtensionUrl(e) &&
      e.ts >= (callEnd.get(task) ?? 0)
    ) {
      extensionCalls.set(task, (extensionCalls.get(task) ?? 0) + (e.dur ?? 0));
      callEnd.set(task, e.ts + (e.dur ?? 0));
    }
    if (e.name in PARTS || (e.name === 'FunctionCall' && isExtensionUrl(e))) {
      const list = children.get(task);
      if (list) list.push(e);
      else children.set(task, [e]);
    }
  }
  const own = [...ext].map((task) => {
    const parts: Record<string, number> = {};
    for (const c of children.get(task) ?? []) {
      const name = PARTS[c.name] ?? 'callbacks';
      parts[name] = (parts[name] ?? 0) + (c.dur ?? 0) / 1000;
    }
    // Of a frame or an event dispatch, only the extension's callbacks (and the layout they
    // force) are its own: on a 5 MB page the previous document's unload took 174 ms, of
    // which the extension's listener took under 1.
    const duration = pageTasks.has(task)
      ? (extensionCalls.get(task) ?? 0) / 1000
      : (task.dur ?? 0) / 1000;
    return { start: (task.ts - t0) / 1000, duration, parts };
  });
  const durations = own.map((t) => t.duration);
  return {
    tasks: own.length,
    totalMs: durations.reduce((a, b) => a + b, 0),
    longest: Math.max(0, ...durations),
    blockingMs: durations.reduce((a, d) => a + Math.max(0, d - 50), 0),
    over50: durations.filter((d) => d > 50).length,
    top: [...own].sort((a, b) => b.duration - a.duration).slice(0, 3),
  };
}
