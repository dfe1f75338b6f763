import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { CardPopoverProps } from '../card/CardPopover';
import type { Marking, ModifierKey } from '../settings/schema';
import { testCard } from '../test-support/card-fixture';
import { createLiveRegion } from '../card/announcer';
import { PageEngine } from './engine';
import { REVEAL_HIGHLIGHT } from './highlighter';
import type { CardMount } from '../card/card-host';
import { HoverCards } from './hover-cards';
import { TEST_MATCHER, showAll } from '../test-support/page-fixtures';

const NAMES: Record<string, string> = {
  'amira-jadoon': 'Amira Jadoon',
  'isis-k': 'ISIS-K',
  kerman: 'Kerman',
  kabul: 'Kabul',
};

let root: HTMLElement;
let abort: AbortController;
/** What the card renderer was asked to do, in order. */
let calls: ({ shown: string; mention: string; pinned: boolean; focus: boolean } | 'cleared')[];
let mount: CardMount;

const shown = () => calls.filter((c) => c !== 'cleared').map((c) => c.shown);
const last = () => calls.at(-1);

function makeMount(): CardMount {
  const host = document.createElement('backstory-card');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  const live = createLiveRegion(document);
  shadow.append(container, live);
  return {
    host,
    container,
    live,
    renderer: {
      css: '',
      show: (_el, props: CardPopoverProps) =>
        calls.push({
          shown: props.data.id,
          mention: props.anchor.range.toString(),
          pinned: props.pinned,
          focus: props.focus,
        }),
      clear: () => calls.push('cleared'),
    },
  };
}

const PAGE =
  '<button id="start">start</button>' +
  '<p>In <em id="k1">Kerman</em>, <b id="isis">ISIS-K</b> struck; <i id="k2">Kerman</i> again.</p>' +
  '<p id="away">Nothing to see here at all.</p>' +
  '<p>By <a href="#a" id="byline">Amira Jadoon</a>, in <a href="#k" id="link">Kabul</a></p>' +
  '<div style="height: 4000px"></div><p id="far">ISIS-K, then Kerman</p>';

/** One page and one engine for the file: each test drives its own hover cards over it. */
let engine: PageEngine;
const pageAbort = new AbortController();

beforeAll(async () => {
  root = document.createElement('main');
  root.style.font = '20px/1.5 sans-serif';
  root.innerHTML = PAGE;
  document.body.append(root);
  engine = new PageEngine({
    document,
    scope: root,
    matcherData: TEST_MATCHER,
    display: showAll('all'),
    adoptDocumentStyles: true,
    signal: pageAbort.signal,
  });
  await engine.start();
});

afterAll(() => {
  pageAbort.abort();
  root.remove();
});

function start({
  marking = 'all',
  modifier = 'none',
  openDelay = 50,
}: { marking?: Marking; modifier?: ModifierKey; openDelay?: number } = {}): HoverCards {
  engine.setDisplay(showAll(marking));
  const hover = new HoverCards({
    document,
    engine,
    signal: abort.signal,
    mountCard: () => Promise.resolve(mount),
    loadCard: (id) => Promise.resolve(testCard(id, NAMES[id]!, 'place')),
    openSource: () => undefined,
  });
  hover.configure({ openDelay, modifier, theme: undefined, marking });
  return hover;
}

const el = (selector: string) => root.querySelector<HTMLElement>(selector)!;
const revealed = () => [...CSS.highlights.get(REVEAL_HIGHLIGHT)!].map((r) => r.toString());

beforeEach(() => {
  abort = new AbortController();
  calls = [];
  mount = makeMount();
  window.scrollTo(0, 0);
});

afterEach(async () => {
  abort.abort();
  await userEvent.keyboard('{/Alt}');
  document.getSelection()!.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur();
  mount.host.remove();
  window.scrollTo(0, 0);
});

describe('hover cards that fail', () => {
  it('report a card that cannot be drawn, and the next one still opens', async () => {
    start();
    const draw = mount.renderer.show;
    let draws = 0;
    mount.renderer.show = (...args) => {
      if (draws++ === 0) throw new Error('the card UI broke');
      draw(...args);
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await userEvent.hover(el('#isis'));
      await expect.poll(() => warn.mock.calls.length).toBe(1);
      expect(warn.mock.calls[0]?.[0]).toBe('Backstory: could not show the card for “isis-k”:');
      await userEvent.hover(el('#away'));
      await userEvent.hover(el('#k1'));
      await expect.poll(shown).toEqual(['kerman']);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('hover cards from the pointer', () => {
  it('open after the pointer rests on a marked mention, and close once it leaves', async () => {
    start();
    await userEvent.hover(el('#isis'));
    await expect
      .poll(last)
      .toEqual({ shown: 'isis-k', mention: 'ISIS-K', pinned: false, focus: false });
    await userEvent.hover(el('#away'));
    await expect.poll(last).toBe('cleared');
  });

  it('stay open while the pointer moves from the mention into the card', async () => {
    start();
    mount.host.setAttribute('style', 'display: block; height: 40px');
    await userEvent.hover(el('#k1'));
    await expect.poll(shown).toEqual(['kerman']);
    await userEvent.hover(mount.host);
    await userEvent.hover(el('#k1'));
    await userEvent.hover(el('#isis'));
    await expect.poll(shown).toEqual(['kerman', 'isis-k']);
    expect(calls).not.toContain('cleared');
  });

  it('open nothing on an unmarked mention, which resting reveals; a click then opens it pinned', async () => {
    start({ marking: 'first' });
    await userEvent.hover(el('#k2'));
    await expect.poll(revealed).toEqual(['Kerman']);
    await userEvent.click(el('#k2'));
    await expect
      .poll(last)
      .toEqual({ shown: 'kerman', mention: 'Kerman', pinned: true, focus: false });
    // The card is for that second mention, not the first.
    expect(revealed()).toEqual(['Kerman']);
  });

  it("leave the page's own synthetic clicks alone: they neither pin nor close a card", async () => {
    start();
    el('#k1').click();
    el('#k1').dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 1 }));
    await new Promise((done) => setTimeout(done, 400));
    expect(calls).toEqual([]);
    await userEvent.click(el('#k1'));
    await expect.poll(last).toMatchObject({ shown: 'kerman', pinned: true });
    // An app clicking its own buttons by script is not the reader clicking away.
    el('#away').click();
    await new Promise((done) => setTimeout(done, 400));
    expect(last()).toMatchObject({ shown: 'kerman', pinned: true });
  });

  it('pin on a click, and a pinned card stays while the pointer goes elsewhere', async () => {
    start();
    await userEvent.click(el('#k1'));
    await expect.poll(last).toMatchObject({ shown: 'kerman', pinned: true });
    await userEvent.hover(el('#away'));
    await userEvent.hover(el('#isis'));
    await userEvent.hover(el('#away'));
    await userEvent.keyboard('{Escape}');
    await expect.poll(last).toBe('cleared');
    // The pointer may rest on the name long enough to open it before the click pins it.
    expect([...new Set(shown())]).toEqual(['kerman']);
  });

  it('open nothing for a double click (it selects the word), nor for a selected mention', async () => {
    start();
    await userEvent.dblClick(el('#isis'));
    expect(document.getSelection()!.toString()).toContain('ISIS');
    await userEvent.hover(el('#away'));
    await userEvent.hover(el('#isis'));
    // A plain click on another mention, as a witness that the page is still live.
    await userEvent.click(el('#k2'));
    await expect.poll(shown).toEqual(['kerman']);
  });

  it('leave a click on a mention inside a link to the link: it pins nothing', async () => {
    // A rest longer than the click takes: the press ends the rest the pointer's arrival began.
    start({ openDelay: 1000 });
    el('#link').addEventListener('click', (e) => e.preventDefault(), { signal: abort.signal });
    await userEvent.click(el('#link'));
    // The pointer still resting there after the click previews it.
    await expect.poll(shown).toContain('kabul');
    await userEvent.hover(el('#away'));
    await expect.poll(last).toBe('cleared');
    expect(calls.filter((c) => c !== 'cleared' && c.pinned)).toEqual([]);
  });

  it('wait for the modifier key when one is set, and then reach unmarked mentions too', async () => {
    start({ marking: 'first', modifier: 'Alt' });
    await userEvent.hover(el('#isis'));
    await userEvent.hover(el('#away'));
    await userEvent.keyboard('{Alt>}');
    await userEvent.hover(el('#k2'));
    await expect.poll(shown).toEqual(['kerman']);
  });
});

describe('hover cards from the keyboard', () => {
  it('open for a link focused with Tab, and say which card opened', async () => {
    start();
    el('#start').focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(el('#byline'));
    await expect.poll(last).toMatchObject({ shown: 'amira-jadoon', mention: 'Amira Jadoon' });
    await expect.poll(() => mount.live.textContent).toBe('Amira Jadoon, Place');
  });

  it('step entity by entity, pinned and focused, and give focus back on Escape', async () => {
    const hover = start();
    el('#start').focus();
    expect(hover.step(1)).toBe(true);
    await expect
      .poll(last)
      .toEqual({ shown: 'kerman', mention: 'Kerman', pinned: true, focus: true });
    hover.step(1);
    await expect.poll(last).toMatchObject({ shown: 'isis-k', mention: 'ISIS-K' });
    hover.step(-1);
    await expect.poll(shown).toEqual(['kerman', 'isis-k', 'kerman']);
    await userEvent.keyboard('{Escape}');
    await expect.poll(last).toBe('cleared');
    expect(document.activeElement).toBe(el('#start'));
  });

  it('step through one entity’s mentions for the popup, scrolling each into view', async () => {
    const hover = start();
    hover.step(1, 'isis-k');
    await expect.poll(shown).toEqual(['isis-k']);
    hover.step(1, 'isis-k');
    await expect.poll(shown).toEqual(['isis-k', 'isis-k']);
    const far = el('#far').getBoundingClientRect();
    expect(far.top).toBeGreaterThanOrEqual(0);
    expect(far.bottom).toBeLessThanOrEqual(innerHeight);
    expect(hover.step(1, 'nobody')).toBe(false);
  });

  it('leave nothing behind when stopped', async () => {
    const hover = start();
    hover.step(1);
    await expect.poll(shown).toEqual(['kerman']);
    abort.abort();
    expect(last()).toBe('cleared');
    expect(CSS.highlights.has(REVEAL_HIGHLIGHT)).toBe(false);
  });
});
