import { describe, expect, it, vi } from 'vitest';
import { SLICE_MS, TimeMeter, afterLoad, runSliced } from './scheduler';

/** A clock the step moves by hand, so slices end where the test says. */
function manualClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('runSliced', () => {
  it('ends each slice once its budget is spent, and counts the time', async () => {
    const clock = manualClock();
    const meter = new TimeMeter(clock.now);
    const perSlice: number[] = [];
    let left = 20;
    const done = await runSliced(
      (shouldYield) => {
        let n = 0;
        while (left > 0) {
          left--;
          n++;
          clock.advance(1);
          if (shouldYield()) break;
        }
        perSlice.push(n);
        return left === 0;
      },
      { signal: new AbortController().signal, meter, now: clock.now },
    );
    expect(done).toBe(true);
    expect(perSlice).toEqual([SLICE_MS, SLICE_MS, 20 - 2 * SLICE_MS]);
    expect(meter.total).toBe(20);
  });

  it('gives the main thread back between slices, so the page renders', async () => {
    let framed = false;
    let slices = 0;
    const done = await runSliced(
      () => {
        if (slices++ === 0) requestAnimationFrame(() => (framed = true));
        return framed;
      },
      { signal: new AbortController().signal },
    );
    expect(done).toBe(true);
    expect(slices).toBeGreaterThan(1);
  });

  it('runs background work in the page’s idle periods, one per slice', async () => {
    const idle = vi.spyOn(window, 'requestIdleCallback');
    try {
      let slices = 0;
      const done = await runSliced(() => ++slices === 3, {
        signal: new AbortController().signal,
        priority: 'background',
        view: window,
      });
      expect(done).toBe(true);
      expect(idle).toHaveBeenCalledTimes(3);
    } finally {
      idle.mockRestore();
    }
  });

  it('still runs background work where the browser has no idle callbacks', async () => {
    const view = { requestIdleCallback: undefined } as unknown as Window;
    let slices = 0;
    const done = await runSliced(() => ++slices === 2, {
      signal: new AbortController().signal,
      priority: 'background',
      view,
    });
    expect(done).toBe(true);
  });

  it('stops at the next slice once aborted, and says so', async () => {
    const abort = new AbortController();
    let slices = 0;
    const done = await runSliced(
      () => {
        if (++slices === 2) abort.abort();
        return false;
      },
      { signal: abort.signal },
    );
    expect(done).toBe(false);
    expect(slices).toBe(2);
    let ran = false;
    expect(await runSliced(() => (ran = true), { signal: abort.signal })).toBe(false);
    expect(ran).toBe(false);
  });
});

describe('TimeMeter', () => {
  it('adds up what it timed, even when the work throws', () => {
    const clock = manualClock();
    const meter = new TimeMeter(clock.now);
    expect(meter.time(() => (clock.advance(3), 'a'))).toBe('a');
    expect(() =>
      meter.time(() => {
        clock.advance(2);
        throw new Error('page changed');
      }),
    ).toThrow('page changed');
    expect(meter.total).toBe(5);
  });
});

describe('page lifecycle', () => {
  it('afterLoad waits for a loading document’s load event, and for its task to end', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const view = frame.contentWindow!;
      const doc = frame.contentDocument!;
      doc.open();
      expect(doc.readyState).toBe('loading');
      const order: string[] = [];
      view.addEventListener('load', () => {
        order.push('load');
        queueMicrotask(() => order.push('load task'));
      });
      const loaded = afterLoad(view).then(() => order.push('after load'));
      await new Promise((r) => setTimeout(r, 0));
      expect(order).toEqual([]);
      doc.write('<p>Kerman</p>');
      doc.close();
      await loaded;
      expect(order).toEqual(['load', 'load task', 'after load']);
      expect(doc.readyState).toBe('complete');
    } finally {
      frame.remove();
    }
  });

  it('afterLoad resolves for a page that has loaded already', async () => {
    expect(document.readyState).toBe('complete');
    await expect(afterLoad(window)).resolves.toBeUndefined();
  });
});
