/**
 * Cooperative time slicing: long work runs in slices of a few milliseconds and
 * gives the main thread back in between, so the page never sees a long task.
 */
export const SLICE_MS = 8;

/**
 * How long background work may wait for an idle period before it runs anyway: a page
 * that animates without pause never goes idle, and its text must still be read. One
 * slice per timeout keeps Backstory's share of such a page under SLICE_MS / 200 ms.
 */
const IDLE_TIMEOUT_MS = 200;

/** How long layout reads wait for a frame before running anyway (hidden tabs and throttled frames get none). */
const FRAME_TIMEOUT_MS = 1_000;

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * `visible` work (what the reader is looking at) resumes ahead of other tasks
 * (`scheduler.yield`); `background` work (the rest of the page, changes the page
 * made) runs in idle periods, after the frame is rendered, so the page keeps its
 * frame rate. Tasks queued back to back, even at background priority, leave
 * Chromium rendering only about every 100 ms. `layout` work (geometry reads) runs
 * in animation frames, before the frame's own style and layout: the layout a read
 * forces there is the one the frame needed anyway, where a read in any other task
 * lays out what the page changed since (a growing feed: the whole feed) once more.
 */
type Priority = 'visible' | 'background' | 'layout';

/** Time left in this slice, in ms. */
type Budget = () => number;

function idle(view: Window): Promise<Budget> {
  if (typeof view.requestIdleCallback !== 'function') {
    return new Promise((resolve) => setTimeout(() => resolve(() => SLICE_MS), 0));
  }
  return new Promise((resolve) =>
    view.requestIdleCallback(
      (deadline) => resolve(() => (deadline.didTimeout ? SLICE_MS : deadline.timeRemaining())),
      { timeout: IDLE_TIMEOUT_MS },
    ),
  );
}

function frame(view: Window): Promise<Budget> {
  return new Promise((resolve) => {
    const run = () => {
      view.cancelAnimationFrame(request);
      clearTimeout(timer);
      resolve(() => SLICE_MS);
    };
    const request = view.requestAnimationFrame(run);
    const timer = setTimeout(run, FRAME_TIMEOUT_MS);
  });
}

function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Where the engine's main-thread time goes: summed so callers can bound their share. */
export class TimeMeter {
  total = 0;

  constructor(protected readonly now: () => number = () => performance.now()) {}

  /** Runs `f` and adds its duration to the total. */
  time<T>(f: () => T): T {
    const t0 = this.now();
    try {
      return f();
    } finally {
      this.total += this.now() - t0;
    }
  }

  /** How long work timed here should wait before its next slice, ms (never, unless capped). */
  owedMs(): number {
    return 0;
  }
}

/**
 * A meter whose work may take at most `share` of the main thread over time (a token
 * bucket): it may run `burstMs` ahead, so one batch of ordinary changes is read at once;
 * past that, each slice waits until the clock has paid for what was spent.
 */
export class CappedMeter extends TimeMeter {
  private credit: number;
  private checkedAt: number;
  private counted = 0;

  constructor(
    readonly share: number,
    private readonly burstMs: number,
    now?: () => number,
  ) {
    super(now);
    this.credit = burstMs;
    this.checkedAt = this.now();
  }

  override owedMs(): number {
    const t = this.now();
    this.credit =
      Math.min(this.burstMs, this.credit + (t - this.checkedAt) * this.share) -
      (this.total - this.counted);
    this.checkedAt = t;
    this.counted = this.total;
    return this.credit >= 0 ? 0 : -this.credit / this.share;
  }
}

export interface SliceOptions {
  signal: AbortSignal;
  priority?: Priority;
  /** The window whose idle periods background work uses. */
  view?: Window;
  meter?: TimeMeter;
  now?: () => number;
}

/**
 * Runs `step(shouldYield)` until it returns true (done), yielding whenever a slice
 * is used up. Resolves false if `signal` aborts first.
 */
export async function runSliced(
  step: (shouldYield: () => boolean) => boolean,
  { signal, priority = 'visible', view, meter, now = () => performance.now() }: SliceOptions,
): Promise<boolean> {
  const wait =
    view === undefined || priority === 'visible'
      ? null
      : priority === 'layout'
        ? () => frame(view)
        : () => idle(view);
  let budget: Budget = () => SLICE_MS;
  for (let first = true; ; first = false) {
    const owed = meter?.owedMs() ?? 0;
    if (owed > 0) await new Promise((resolve) => setTimeout(resolve, owed));
    if (wait) budget = await wait();
    else if (!first) await yieldToMain();
    if (signal.aborted) return false;
    const t0 = now();
    const deadline = t0 + Math.min(SLICE_MS, Math.max(1, budget()));
    const done = step(() => now() >= deadline);
    if (meter) meter.total += now() - t0;
    if (done) return true;
  }
}

/**
 * Resolves in the load event's own task (at once if it has fired): for waiting that must
 * start counting at load. A timer set then waits out the page's first layout and paint
 * after load, hundreds of milliseconds on a large page.
 */
export function loadFired(view: Window): Promise<void> {
  if (view.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => view.addEventListener('load', () => resolve(), { once: true }));
}

/** Resolves once the load event has fired and its task is over, so start-up never delays it. */
export async function afterLoad(view: Window): Promise<void> {
  await loadFired(view);
  await new Promise((resolve) => setTimeout(resolve, 0));
}
