import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MentionIndex } from './mention-index';
import { testIndex } from '../test-support/page-fixtures';
import { rescan, scanPage, whereIs, type ScanContext } from './scan';
import { TimeMeter } from './scheduler';

let root: HTMLElement;
let abort: AbortController;
let index: MentionIndex;
let shadows: ShadowRoot[];

function context(): ScanContext {
  return {
    index,
    view: window,
    signal: abort.signal,
    meter: new TimeMeter(),
    exclude: (el) => el.classList.contains('ours'),
    onShadowRoot: (r) => shadows.push(r),
    readLater: () => false,
  };
}

const indexed = () => {
  index.resolve();
  return [...index.mentions()].map((m) => m.range.toString());
};

const SPACER = '<div style="height: 5000px"></div>';

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
  abort = new AbortController();
  index = testIndex();
  shadows = [];
  window.scrollTo(0, 0);
});

afterEach(() => {
  abort.abort();
  root.remove();
  window.scrollTo(0, 0);
});

describe('whereIs', () => {
  it('places elements above, in and below the viewport’s neighbourhood', () => {
    root.innerHTML = `<p id="top">a</p>${SPACER}<p id="mid">b</p>${SPACER}<p id="end">c</p>`;
    const [top, mid, end] = ['top', 'mid', 'end'].map((id) => root.querySelector(`#${id}`)!);
    expect([whereIs(top!, window), whereIs(mid!, window), whereIs(end!, window)]).toEqual([
      0, 1, 1,
    ]);
    mid!.scrollIntoView();
    expect([whereIs(top!, window), whereIs(mid!, window), whereIs(end!, window)]).toEqual([
      -1, 0, 1,
    ]);
  });
});

describe('scanPage', () => {
  it('shows the viewport’s blocks before the rest are matched, then reads the rest', async () => {
    root.innerHTML = `<p>Kerman</p><p>ISIS-K</p>${SPACER}<p>Kabul far below</p>`;
    let atViewport: { near: string[]; indexed: string[] } | null = null;
    const done = await scanPage(root, context(), (near) => {
      atViewport = {
        near: [...near].map((el) => el.textContent!),
        indexed: indexed(),
      };
    });
    expect(done).toBe(true);
    expect(atViewport).toEqual({ near: ['Kerman', 'ISIS-K'], indexed: ['Kerman', 'ISIS-K'] });
    expect(indexed()).toEqual(['Kerman', 'ISIS-K', 'Kabul']);
  });

  it('reads where the reader jumped ahead of it at once, leaving first mentions to the read in order', async () => {
    // Lines without letters hold no block: what lies around the reader's place is theirs alone.
    const filler = '<p>· · ·</p>'.repeat(1000);
    root.innerHTML = `<p>Kerman</p>${filler}<p>Kabul, then ISIS-K</p>${filler}<p id="far">Kabul far below</p>${SPACER}`;
    const far = root.querySelector('#far')!;
    const firsts = () => [...index.mentions()].filter((m) => m.first).map((m) => m.entity);
    let ahead: { near: string[]; indexed: string[]; firsts: string[] } | null = null;
    const done = await scanPage(
      root,
      context(),
      () => far.scrollIntoView({ block: 'center' }),
      (near) => {
        ahead ??= {
          near: [...near].map((el) => el.textContent!),
          indexed: indexed(),
          firsts: firsts(),
        };
      },
    );
    expect(done).toBe(true);
    // Kabul far below is hoverable before the middle is read, but not marked as a first mention.
    expect(ahead).toEqual({
      near: ['Kabul far below'],
      indexed: ['Kerman', 'Kabul'],
      firsts: ['kerman'],
    });
    // Read again in order when the read got there: once each, in page order.
    expect(indexed()).toEqual(['Kerman', 'Kabul', 'ISIS-K', 'Kabul']);
    expect(firsts()).toEqual(['kerman', 'kabul', 'isis-k']);
  });

  it('reads ahead from text the probes miss between a pinned bar and a figure', async () => {
    const filler = '<p>· · ·</p>'.repeat(1000);
    // The bar is left out (`ours`), and the points below it fall on the figure.
    root.innerHTML = `<div class="ours" style="position: fixed; inset: 0 0 auto 0; height: 20vh"></div>
      <p>Kerman</p>${filler}<p>ISIS-K</p>${filler}<section><p id="beside" style="margin: 0; font: 10px/10px serif">Kabul beside</p>
      <figure style="height: 300vh; margin: 0"></figure></section>${SPACER}`;
    const beside = root.querySelector('#beside')!;
    let near: string[] = [];
    await scanPage(
      root,
      context(),
      () => window.scrollBy(0, beside.getBoundingClientRect().top - innerHeight * 0.22),
      (ahead) => (near = [...ahead].map((el) => el.textContent!)),
    );
    expect(near).toEqual(['Kabul beside']);
  });

  it('enters open shadow roots and tells the caller, leaving out what it excludes', async () => {
    root.innerHTML = '<div id="host"></div><p class="ours">Kabul</p>';
    const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Amira Jadoon</p>';
    await scanPage(root, context(), () => undefined);
    expect(shadows).toEqual([shadow]);
    expect(indexed()).toEqual(['Amira Jadoon']);
  });

  it('resolves false, having shown nothing, when stopped before it starts', async () => {
    root.innerHTML = '<p>Kerman</p>';
    abort.abort();
    let shown = false;
    expect(await scanPage(root, context(), () => (shown = true))).toBe(false);
    expect(shown).toBe(false);
    expect(indexed()).toEqual([]);
  });
});

describe('rescan', () => {
  it('replaces what a root held with what it holds now, and skips roots that left', async () => {
    root.innerHTML =
      '<section id="a"><p>Kerman</p></section><section id="b"><p>Kabul</p></section>';
    await scanPage(root, context(), () => undefined);
    expect(indexed()).toEqual(['Kerman', 'Kabul']);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    a.innerHTML = '<p>ISIS-K, then Amira Jadoon</p>';
    b.remove();
    // As the engine does: records of text that left the page go first.
    index.prune();
    expect(await rescan([a, b], context())).toBe(true);
    expect(indexed()).toEqual(['ISIS-K', 'Amira Jadoon']);
  });
});
