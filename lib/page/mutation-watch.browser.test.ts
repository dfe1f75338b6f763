import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BURST_MS,
  HUGE_MUTATION,
  MAX_SHARE,
  MutationWatcher,
  outermost,
  type MutationBatch,
} from './mutation-watch';

let root: HTMLElement;
let abort: AbortController;
let batches: MutationBatch[];
let clock = 0;

/** `cost`: the main-thread time each batch's reading is said to take, on the watcher's clock. */
function watch({ cost = 0, now }: { cost?: number; now?: () => number } = {}): MutationWatcher {
  const watcher: MutationWatcher = new MutationWatcher({
    view: window,
    signal: abort.signal,
    now,
    process: (batch) => {
      batches.push(batch);
      watcher.meter.time(() => (clock += cost));
      return Promise.resolve();
    },
  });
  watcher.observe(root);
  return watcher;
}

const nextBatch = async (n = 1) => {
  await expect.poll(() => batches.length).toBeGreaterThanOrEqual(n);
  return batches[n - 1]!;
};

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  abort = new AbortController();
  batches = [];
});

afterEach(() => {
  abort.abort();
  root.remove();
});

describe('outermost', () => {
  it('keeps only nodes with no ancestor in the set', () => {
    root.innerHTML = '<section><p><em>a</em></p></section><p>b</p>';
    const [section, p2] = [...root.children] as HTMLElement[];
    const p1 = section!.firstElementChild!;
    const em = p1.firstElementChild!;
    expect(outermost([em, p1, p2!, em.firstChild!])).toEqual([p1, p2]);
    expect(outermost([section!, em])).toEqual([section]);
  });
});

describe('MutationWatcher', () => {
  it('hands a burst of changes over as one batch', async () => {
    watch();
    const items: HTMLElement[] = [];
    for (let i = 0; i < 50; i++) {
      const li = document.createElement('li');
      li.textContent = `item ${i}`;
      root.append(li);
      items.push(li);
      // The page's burst spans several tasks.
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    const batch = await nextBatch();
    expect(batch.added).toHaveLength(50);
    expect(new Set(batch.added)).toEqual(new Set(items));
  });

  it('drops additions inside a subtree that was added too', async () => {
    watch();
    const article = document.createElement('article');
    root.append(article);
    const p = document.createElement('p');
    article.append(p);
    p.append('Kerman', document.createElement('br'), 'Kabul');
    expect((await nextBatch()).added).toEqual([article]);
  });

  it('files text rewritten in place as that text node', async () => {
    root.innerHTML = '<p>Kerman toll: 90</p>';
    const text = root.firstElementChild!.firstChild as Text;
    watch();
    text.data = 'Kerman toll: 91';
    text.data = 'Kerman toll: 92';
    const batch = await nextBatch();
    expect([...batch.texts]).toEqual([text]);
    expect(batch.added).toEqual([]);
  });

  it('files the element that lost children', async () => {
    root.innerHTML = '<ul><li>a</li><li>b</li></ul>';
    const ul = root.firstElementChild!;
    watch();
    ul.firstElementChild!.remove();
    expect([...(await nextBatch()).removedFrom]).toEqual([ul]);
  });

  it('hands over the changed parents instead of following a huge mutation', async () => {
    root.innerHTML = '<section></section><p>Kerman toll: 90</p>';
    const [section, p] = [...root.children] as HTMLElement[];
    watch();
    const fragment = document.createDocumentFragment();
    for (let i = 0; i <= HUGE_MUTATION; i++) fragment.append(document.createElement('span'));
    section!.append(fragment);
    section!.append(document.createElement('p'));
    (p!.firstChild as Text).data = 'Kerman toll: 91';
    const batch = await nextBatch();
    expect(new Set(batch.added)).toEqual(new Set([section, p]));
    expect(batch.texts.size).toBe(0);
    expect(batch.removedFrom.size).toBe(0);
  });

  it('reads a burst at once, and leaves what costs more for its share of the clock to pay', async () => {
    clock = 0;
    const cost = BURST_MS + 1_000;
    const watcher = watch({ cost, now: () => clock });
    root.append(document.createElement('p'));
    await nextBatch();
    root.append(document.createElement('p'));
    // The next batch would come after the first delay (100 ms): the share holds it back.
    await new Promise((r) => setTimeout(r, 400));
    expect(batches).toHaveLength(1);
    expect(watcher.pending).toBe(true);
    expect(watcher.meter.owedMs()).toBeCloseTo(1_000 / MAX_SHARE);
  });

  it('waits while the tab is hidden', async () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    try {
      const watcher = watch();
      root.append(document.createElement('p'));
      await new Promise((r) => setTimeout(r, 300));
      expect(batches).toHaveLength(0);
      expect(watcher.pending).toBe(true);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await nextBatch()).added).toHaveLength(1);
  });

  it('keeps what changes while held, and hands it over as one batch on release', async () => {
    const watcher = watch();
    watcher.hold();
    const first = document.createElement('p');
    root.append(first);
    await new Promise((r) => setTimeout(r, 300));
    root.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 300));
    expect(batches).toHaveLength(0);
    expect(watcher.pending).toBe(true);
    watcher.release();
    expect((await nextBatch()).added).toHaveLength(2);
    expect(batches[0]!.added[0]).toBe(first);
  });

  it('hands over nothing once stopped', async () => {
    const watcher = watch();
    abort.abort();
    root.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 300));
    expect(batches).toHaveLength(0);
    expect(watcher.pending).toBe(false);
  });
});
