/**
 * Cooperative time slicing: long work runs in slices of a few milliseconds and
 * gives the main thread back in between, so the page never sees a long task.
 */
export const SLICE_MS = 8;

/**
 * Background work lets a frame render at least this often: a main thread kept
 * busy with tasks, however short, gets a rendering turn only every ~100 ms.
 */
const FRAME_BUDGET_MS = 33;
/** A hidden tab runs no animation frames: never wait on one for longer than this. */
const FRAME_WAIT_MAX_MS = 50;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MAX_MS);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

interface Scheduler {
  yield(): Promise<void>;
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * `visible` work (what the reader is looking at) resumes ahead of other tasks;
 * `background` work (the rest of the page) waits behind the page's own tasks,
 * rendering and observers, so it never delays them.
 */
export type Priority = 'visible' | 'background';

export function yieldToMain(priority: Priority = 'visible'): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (priority === 'visible' && typeof scheduler?.yield === 'function') return scheduler.yield();
  if (priority === 'background' && typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'background' });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `step(shouldYield)` until it returns true (done), yielding whenever a slice
 * is used up. Resolves false if `signal` aborts first.
 */
export async function runSliced(
  step: (shouldYield: () => boolean) => boolean,
  signal: AbortSignal,
  priority: Priority = 'visible',
  now: () => number = () => performance.now(),
): Promise<boolean> {
  let lastFrame = now();
  for (;;) {
    if (signal.aborted) return false;
    const deadline = now() + SLICE_MS;
    if (step(() => now() >= deadline)) return true;
    if (priority === 'background' && now() - lastFrame >= FRAME_BUDGET_MS) {
      await nextFrame();
      lastFrame = now();
    }
    await yieldToMain(priority);
  }
}
