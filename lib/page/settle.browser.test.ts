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

  it('settles on a page that rewrites its text but keeps its elements', async () => {
    const text = box.appendChild(document.createTextNode('0'));
    const timer = setInterval(() => (text.data = String(Number(text.data) + 1)), 5);
    const t0 = performance.now();
    try {
      await expect(
        afterLoadSettled(window, {
          signal: new AbortController().signal,
          quietMs: 100,
          maxMs: 5_000,
        }),
      ).resolves.toBe(true);
      expect(performance.now() - t0).toBeLessThan(1_000);
    } finally {
      clearInterval(timer);
    }
  });

  it("leaves the page's DOM changes alone: no observer builds records for them", async () => {
    let observers = 0;
    const Native = window.MutationObserver;
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super(callback);
        observers++;
      }
    };
    const stop = mutateEvery(5);
    try {
      await afterLoadSettled(window, {
        signal: new AbortController().signal,
        quietMs: 100,
        maxMs: 300,
      });
    } finally {
      stop();
      window.MutationObserver = Native;
    }
    expect(observers).toBe(0);
  });

  it('gives false once aborted', async () => {
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
