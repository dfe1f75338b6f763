import { describe, expect, it, vi } from 'vitest';
import { CappedMeter, SLICE_MS, TimeMeter, afterLoad, loadFired, runSliced } from './scheduler';

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

describe('CappedMeter', () => {
  it('lets work run a burst ahead, then owes what passed it at its share of the clock', () => {
    const clock = manualClock();
    const meter = new CappedMeter(0.1, 20, clock.now);
    meter.time(() => clock.advance(15));
    expect(meter.owedMs()).toBe(0);
    meter.time(() => clock.advance(15));
    // 5 ms of credit left, 1.5 earned meanwhile, 15 spent: 8.5 owed, paid in 85 at 10 %.
    expect(meter.owedMs()).toBeCloseTo(85);
    clock.advance(85);
    expect(meter.owedMs()).toBeCloseTo(0);
    // A long pause refills the credit to the burst, no further.
    clock.advance(10_000);
    meter.time(() => clock.advance(25));
    expect(meter.owedMs()).toBeCloseTo(50);
  });

  it('holds each slice of sliced work back until the clock has paid for the last', async () => {
    const clock = manualClock();
    const meter = new CappedMeter(0.5, 0, clock.now);
    const setTimer = window.setTimeout.bind(window);
    // The clock moves on by each wait, as it would while the page runs.
    const timeout = vi.spyOn(window, 'setTimeout').mockImplementation(((
      run: () => void,
      ms = 0,
    ) => {
      clock.advance(ms);
      return setTimer(run, 0);
    }) as typeof window.setTimeout);
    try {
      let slices = 0;
      const done = await runSliced(
        () => {
          clock.advance(4);
          return ++slices === 3;
        },
        { signal: new AbortController().signal, meter, now: clock.now },
      );
      expect(done).toBe(true);
      // Each 4 ms slice owes 8 ms at half the clock, waited out before the next one.
      expect(timeout.mock.calls.map(([, ms]) => ms)).toEqual([8, 8]);
    } finally {
      timeout.mockRestore();
    }
  });
});

describe('page lifecycle', () => {
  it('afterLoad waits for the load event’s task to end; loadFired resolves within it', async () => {
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
      const fired = loadFired(view).then(() => order.push('fired'));
      await new Promise((r) => setTimeout(r, 0));
      expect(order).toEqual([]);
      doc.write('<p>Kerman</p>');
      doc.close();
      await Promise.all([loaded, fired]);
      expect(order.filter((step) => step !== 'fired')).toEqual(['load', 'load task', 'after load']);
      expect(order.indexOf('fired')).toBeLessThan(order.indexOf('after load'));
      expect(doc.readyState).toBe('complete');
    } finally {
      frame.remove();
    }
  });

  it('afterLoad and loadFired resolve for a page that has loaded already', async () => {
    expect(document.readyState).toBe('complete');
    await expect(afterLoad(window)).resolves.toBeUndefined();
    await expect(loadFired(window)).resolves.toBeUndefined();
  });
});
