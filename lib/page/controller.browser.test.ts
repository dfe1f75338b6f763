import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CardPopoverProps } from '../card/CardPopover';
import { settingsItem, updateSettings } from '../settings/store';
import { testCard } from '../test-support/card-fixture';
import { createLiveRegion } from '../card/announcer';
import { PageController } from './controller';
import type { CardMount } from '../card/card-host';
import { TEST_MATCHER } from '../test-support/page-fixtures';
import { rangeText } from '../../tests/support/range-text';

let root: HTMLElement;
let abort: AbortController;
let cards: string[];
let cardHost: HTMLElement;

const PAGE = '<p>In Kerman, ISIS-K struck.</p><p>Kerman again, and Amira Jadoon wrote.</p>';

function mountCard(): Promise<CardMount> {
  cardHost = document.createElement('backstory-card');
  document.body.append(cardHost);
  const container = document.createElement('div');
  const live = createLiveRegion(document);
  cardHost.attachShadow({ mode: 'open' }).append(container, live);
  return Promise.resolve({
    host: cardHost,
    container,
    live,
    renderer: {
      css: '',
      show: (_el, props: CardPopoverProps) => cards.push(props.data.id),
      clear: () => cards.push('cleared'),
    },
  });
}

async function start(settled?: Promise<boolean>): Promise<void> {
  await new PageController({
    document,
    scope: root,
    adoptDocumentStyles: true,
    matcherData: TEST_MATCHER,
    signal: abort.signal,
    settled,
    top: true,
    exclude: (el) => el === cardHost,
    mountCard,
    loadCard: (id) => Promise.resolve(testCard(id, id, 'place')),
    openSource: () => undefined,
  }).start();
}

/** Every range marked on the page now, by highlight name. */
function marks(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('backstory-') && h.size > 0) {
      out[name] = [...h].map(rangeText);
    }
  });
  return out;
}

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
};

/** What the page's listener answers, as the background would receive it. */
async function ask(message: unknown): Promise<unknown> {
  const answers: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, {});
  return answers.find((a) => a !== undefined);
}

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('main');
  root.innerHTML = PAGE;
  document.body.append(root);
  abort = new AbortController();
  cards = [];
});

afterEach(() => {
  abort.abort();
  root.remove();
  cardHost?.remove();
});

describe('PageController', () => {
  it('marks the first mention of each entity with the default settings', async () => {
    await start();
    await expect.poll(marks).toEqual({
      'backstory-place': ['Kerman'],
      'backstory-group': ['ISIS-K'],
      'backstory-person': ['Amira Jadoon'],
    });
  });

  it('follows the settings live: marking, categories, and pausing removes every mark', async () => {
    await start();
    await expect.poll(() => marks()['backstory-place']).toEqual(['Kerman']);
    await updateSettings((s) => ({ ...s, marking: 'all' }));
    await expect.poll(() => marks()['backstory-place']).toEqual(['Kerman', 'Kerman']);
    await updateSettings((s) => ({ ...s, categories: { ...s.categories, place: false } }));
    await expect
      .poll(() => Object.keys(marks()).sort())
      .toEqual(['backstory-group', 'backstory-person']);
    await updateSettings((s) => ({ ...s, enabled: false }));
    await expect.poll(marks).toEqual({});
    await updateSettings((s) => ({ ...s, enabled: true }));
    await expect
      .poll(() => Object.keys(marks()).sort())
      .toEqual(['backstory-group', 'backstory-person']);
  });

  it('reads the page only once it has settled, with the settings changed meanwhile', async () => {
    const { promise: settled, resolve } = Promise.withResolvers<boolean>();
    const started = start(settled);
    await updateSettings((s) => ({ ...s, marking: 'all' }));
    await frames(3);
    expect(marks()).toEqual({});
    resolve(true);
    await started;
    await expect.poll(() => marks()['backstory-place']).toEqual(['Kerman', 'Kerman']);
  });

  it('never reads a page that does not settle, nor answers for it', async () => {
    await start(Promise.resolve(false));
    await frames(3);
    expect(marks()).toEqual({});
    expect(await ask({ type: 'pageMentions' })).toBeUndefined();
  });

  it('stays off on a site the reader paused, from the start', async () => {
    await settingsItem().setValue({ pausedHosts: [location.hostname] });
    await start();
    expect(await ask({ type: 'pageMentions' })).toEqual({
      host: location.hostname,
      active: false,
      entities: [],
    });
    expect(marks()).toEqual({});
  });

  it('answers the popup: what is on the page, and shows an entity’s card on request', async () => {
    await start();
    await expect
      .poll(() => ask({ type: 'pageMentions' }))
      .toEqual({
        host: location.hostname,
        active: true,
        entities: [
          { id: 'kerman', count: 2 },
          { id: 'isis-k', count: 1 },
          { id: 'amira-jadoon', count: 1 },
        ],
      });
    expect(await ask({ type: 'showEntity', entity: 'isis-k' })).toBe(true);
    await expect.poll(() => cards).toEqual(['isis-k']);
    expect(await ask({ type: 'stepMention', direction: 1 })).toBeNull();
    await expect.poll(() => cards.at(-1)).toBe('amira-jadoon');
  });

  it('shows the card for a selection looked up from the context menu', async () => {
    await start();
    const text = root.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 3);
    range.setEnd(text, 9);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(await ask({ type: 'showLookup', entities: ['kerman'] })).toBe(true);
    await expect.poll(() => cards).toEqual(['kerman']);
    document.getSelection()!.removeAllRanges();
    expect(await ask({ type: 'showLookup', entities: ['kerman'] })).toBe(false);
  });
});
