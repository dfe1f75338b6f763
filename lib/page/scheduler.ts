/**
 * Cooperative time slicing: long work runs in slices of a few milliseconds and
 * gives the main thread back in between, so the page never sees a long task.
 */
export const SLICE_MS = 8;

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
  for (;;) {
    if (signal.aborted) return false;
    const deadline = now() + SLICE_MS;
    if (step(() => now() >= deadline)) return true;
    await yieldToMain(priority);
  }
}
