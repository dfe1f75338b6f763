import { afterEach, describe, expect, it } from 'vitest';
import { afterLoadSettled } from './settle';

const box = document.createElement('div');
document.body.append(box);

/** Changes the DOM every `everyMs` until stopped. */
function mutateEvery(everyMs: number): () => void {
  const timer = setInterval(() => box.append(document.createElement('span')), everyMs);
  return () => clearInterval(timer);
}

afterEach(() => box.replaceChildren());

describe('afterLoadSettled', () => {
  it('waits while the page keeps changing its DOM, then for a quiet moment', async () => {
    const stop = mutateEvery(20);
    setTimeout(stop, 300);
    const t0 = performance.now();
    const settled = await afterLoadSettled(window, {
      signal: new AbortController().signal,
      quietMs: 100,
      maxMs: 5_000,
    });
    expect(settled).toBe(true);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(300 + 100 - 25);
  });

  it('starts on a quiet page after one quiet moment (long before maxMs)', async () => {
    const settled = afterLoadSettled(window, {
      signal: new AbortController().signal,
      quietMs: 50,
      maxMs: 600_000,
    });
    await expect(settled).resolves.toBe(true);
  });

  it('starts anyway after maxMs on a page that never pauses', async () => {
    const stop = mutateEvery(10);
    const t0 = performance.now();
    try {
      const settled = await afterLoadSettled(window, {
        signal: new AbortController().signal,
        quietMs: 100,
        maxMs: 400,
      });
      expect(settled).toBe(true);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(400 - 25);
    } finally {
      stop();
    }
  });

  it('looks at a busy page once in a while, not after each of its tasks', async () => {
    const calls: number[] = [];
    const Native = window.MutationObserver;
    // Counts how often the watcher's callback runs while the page changes in every task.
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          calls.push(performance.now());
          callback(records, observer);
        });
      }
    };
    const stop = mutateEvery(1);
    try {
      await afterLoadSettled(window, {
        signal: new AbortController().signal,
        quietMs: 100,
        maxMs: 500,
        lookAgainMs: 50,
      });
    } finally {
      stop();
      window.MutationObserver = Native;
    }
    // About one look per 50 ms over 500 ms, where a connected observer would run ~400 times.
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.length).toBeLessThanOrEqual(12);
  });

  it('gives false once aborted, and stops watching the page', async () => {
    const abort = new AbortController();
    const stop = mutateEvery(10);
    setTimeout(() => abort.abort(), 100);
    try {
      await expect(
        afterLoadSettled(window, { signal: abort.signal, quietMs: 100, maxMs: 5_000 }),
      ).resolves.toBe(false);
    } finally {
      stop();
    }
  });
});
