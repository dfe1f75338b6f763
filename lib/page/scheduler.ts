/**
 * Cooperative time slicing: long work runs in slices of a few milliseconds and
 * gives the main thread back in between, so the page never sees a long task.
 */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `step(shouldYield)` until it returns true (done), yielding whenever a slice
 * is used up. Resolves false if `signal` aborts first.
 */
export async function runSliced(
  step: (shouldYield: () => boolean) => boolean,
  signal: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const deadline = now() + SLICE_MS;
    if (step(() => now() >= deadline)) return true;
    await yieldToMain();
  }
}
