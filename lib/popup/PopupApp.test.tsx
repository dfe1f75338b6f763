// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadKnowledgeBase } from '../kb/load';
import { defaultSettings } from '../settings/schema';
import { readSettings, settingsItem, updateSettings } from '../settings/store';
import { toCardData } from '../kb/card-data';
import type { PopupEnv } from './env';
import type { PageMentions } from './page-mentions';
import { pendingQueryItem } from '../search/pending-query';
import { mountPopup } from './PopupApp';
import { renderRoot } from '../test-support/render-root';

const kb = loadKnowledgeBase();

const article: PageMentions = {
  host: 'news.example',
  active: true,
  entities: [
    { id: 'moscow', count: 3 },
    { id: 'isis-k', count: 7 },
  ],
};

function fakeEnv(over: Partial<PopupEnv> = {}) {
  return {
    kb,
    getCard: vi.fn(async (id: string) => toCardData(kb, id) ?? null),
    openSource: vi.fn(async () => undefined),
    pageMentions: vi.fn(async () => ({ tabId: 4, mentions: article })),
    showEntity: vi.fn(async () => true),
    openOptions: vi.fn(async () => undefined),
    close: vi.fn(),
    ...over,
  } satisfies PopupEnv;
}

const root = renderRoot();

beforeEach(() => fakeBrowser.reset());

afterEach(() => {
  delete document.documentElement.dataset.theme;
  vi.restoreAllMocks();
});

async function mount(env: PopupEnv) {
  act(() => mountPopup(root, env));
  const input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  expect(input).not.toBeNull();
  // Storage answers asynchronously; the page section (or a prefilled search) shows once it has.
  await vi.waitFor(() =>
    expect(root.querySelector('#bs-page-heading, [role="listbox"]')).not.toBeNull(),
  );
  return input;
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(target: Element, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

const options = () => [...root.querySelectorAll('[role="option"]')];
const selected = () => root.querySelector('[role="option"][aria-selected="true"]');
const text = (el: Element | null) => el?.textContent ?? '';

describe('popup search', () => {
  it('focuses the search box on open and steps through results with the arrow keys', async () => {
    const env = fakeEnv();
    const input = await mount(env);
    await vi.waitFor(() => expect(document.activeElement).toBe(input));

    type(input, 'Gafari');
    expect(options().length).toBeGreaterThan(0);
    expect(text(selected())).toContain('Sanaullah Ghafari');
    expect(input.getAttribute('aria-activedescendant')).toBe(selected()!.id);
    expect(input.getAttribute('aria-expanded')).toBe('true');

    type(input, 'Krasnogorsk');
    expect(options()).toHaveLength(3);
    press(input, 'ArrowDown');
    expect(selected()).toBe(options()[1]);
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    expect(selected()).toBe(options()[0]);
    press(input, 'ArrowUp');
    expect(selected()).toBe(options()[2]);
    expect(document.activeElement).toBe(input);
  });

  it('opens the chosen card with Enter, switches on a related entity and goes back', async () => {
    const env = fakeEnv();
    const input = await mount(env);
    type(input, 'Gafari');
    press(input, 'Enter');
    expect(env.getCard).toHaveBeenCalledWith('sanaullah-ghafari');
    const dialog = await vi.waitFor(() => {
      const d = root.querySelector('[role="dialog"]');
      expect(d?.getAttribute('aria-label')).toBe('Sanaullah Ghafari');
      return d!;
    });
    await vi.waitFor(() => expect(document.activeElement).toBe(dialog));

    const related = root.querySelector<HTMLButtonElement>('.bs-related button')!;
    const relatedName = related.firstChild?.nextSibling?.textContent;
    act(() => related.click());
    await vi.waitFor(() =>
      expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe(relatedName),
    );

    const back = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Back to results'),
    )!;
    act(() => back.click());
    const again = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(again.value).toBe('Gafari');
    await vi.waitFor(() => expect(document.activeElement).toBe(again));
  });

  it('opens a result on click and asks the background to open its source', async () => {
    const env = fakeEnv();
    const input = await mount(env);
    type(input, 'Bortnikof');
    act(() => (options()[0] as HTMLElement).click());
    await vi.waitFor(() => expect(root.querySelector('.bs-read')).not.toBeNull());
    act(() => root.querySelector<HTMLButtonElement>('.bs-read')!.click());
    expect(env.openSource).toHaveBeenCalledWith(
      expect.objectContaining({ article: expect.any(String) }),
    );
  });

  it('says so when the source cannot be opened', async () => {
    const env = fakeEnv({
      openSource: vi.fn(async () => Promise.reject(new Error('the background did not answer'))),
    });
    const input = await mount(env);
    type(input, 'Bortnikof');
    act(() => (options()[0] as HTMLElement).click());
    await vi.waitFor(() => expect(root.querySelector('.bs-read')).not.toBeNull());
    act(() => root.querySelector<HTMLButtonElement>('.bs-read')!.click());
    await vi.waitFor(() =>
      expect(text(root.querySelector('[role="alert"]'))).toBe(
        'Backstory could not open the source (the background did not answer).',
      ),
    );
  });

  it('Esc leaves the card, then clears the search, then closes the popup', async () => {
    const env = fakeEnv();
    const input = await mount(env);
    type(input, 'Khorason');
    press(input, 'Enter');
    await vi.waitFor(() => expect(root.querySelector('[role="dialog"]')).not.toBeNull());
    press(root.querySelector('[role="dialog"]')!, 'Escape');
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    const box = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(box.value).toBe('Khorason');

    press(box, 'Escape');
    expect(box.value).toBe('');
    expect(options()).toHaveLength(0);
    expect(env.close).not.toHaveBeenCalled();

    press(box, 'Escape');
    expect(env.close).toHaveBeenCalledOnce();
  });

  it('says what to do when nothing matches, or the card cannot load', async () => {
    const env = fakeEnv({ getCard: vi.fn(async () => Promise.reject(new Error('port closed'))) });
    const input = await mount(env);
    type(input, 'zzzzqqqq');
    expect(text(root.querySelector('[role="status"]'))).toContain('Check the spelling');

    type(input, 'IS-K');
    press(input, 'Enter');
    await vi.waitFor(() =>
      expect(text(root.querySelector('[role="alert"]'))).toContain('port closed'),
    );
    expect(root.querySelector('[role="alert"] button')?.textContent).toBe('Try again');
  });

  it('prefills the search from the context menu and clears the hand-off', async () => {
    await pendingQueryItem.setValue('crocus hall');
    const input = await mount(fakeEnv());
    await vi.waitFor(() => expect(input.value).toBe('crocus hall'));
    expect(text(selected())).toContain('Crocus City Hall');
    expect(await pendingQueryItem.getValue()).toBeNull();
  });
});

describe('popup page section', () => {
  it('lists the entities on the page and shows one there', async () => {
    const env = fakeEnv();
    await mount(env);
    const buttons = await vi.waitFor(() => {
      const b = [...root.querySelectorAll<HTMLButtonElement>('.page-entity')];
      expect(b).toHaveLength(2);
      return b;
    });
    expect(text(buttons[0]!)).toContain('ISIS-K');
    expect(text(buttons[0]!)).toContain('7 mentions');
    act(() => buttons[1]!.click());
    await vi.waitFor(() => expect(env.close).toHaveBeenCalled());
    expect(env.showEntity).toHaveBeenCalledWith(4, 'moscow');
  });

  it('shows the card in the popup when the page cannot show it', async () => {
    const env = fakeEnv({ showEntity: vi.fn(async () => false) });
    await mount(env);
    const first = await vi.waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('.page-entity');
      expect(button).not.toBeNull();
      return button!;
    });
    act(() => first.click());
    await vi.waitFor(() =>
      expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('ISIS-K'),
    );
    expect(env.close).not.toHaveBeenCalled();
  });

  it('explains pages without a content script, and search still works', async () => {
    const env = fakeEnv({
      pageMentions: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist'))),
    });
    const input = await mount(env);
    await vi.waitFor(() => expect(text(root)).toContain('Backstory can’t read this page'));
    expect(root.querySelector('.pause')).toBeNull();
    type(input, 'Gafari');
    expect(options().length).toBeGreaterThan(0);
  });

  it('says so when the page has no known names', async () => {
    const env = fakeEnv({
      pageMentions: vi.fn(async () => ({
        tabId: 4,
        mentions: { host: 'a.example', active: true, entities: [] },
      })),
    });
    await mount(env);
    await vi.waitFor(() => expect(text(root)).toContain('No names from Backstory’s articles'));
  });

  it('pauses on this site and hides categories, through the settings', async () => {
    const env = fakeEnv();
    await mount(env);
    // waitFor retries only on a throw: a null result would end the wait at once.
    const pause = await vi.waitFor(() => {
      const input = root.querySelector<HTMLInputElement>('.pause input');
      expect(input).not.toBeNull();
      return input!;
    });
    expect(text(pause.parentElement)).toContain('Pause on news.example');
    act(() => pause.click());
    await vi.waitFor(async () =>
      expect((await readSettings()).settings.pausedHosts).toEqual(['news.example']),
    );
    await vi.waitFor(() => expect(text(root)).toContain('Backstory is paused on news.example'));

    const places = root.querySelector<HTMLInputElement>('input[name="category"][value="place"]')!;
    act(() => places.click());
    await vi.waitFor(async () =>
      expect((await readSettings()).settings.categories.place).toBe(false),
    );
  });

  it('follows settings changed elsewhere, such as the options page', async () => {
    const env = fakeEnv();
    await mount(env);
    await vi.waitFor(() => expect(root.querySelectorAll('.page-entity')).toHaveLength(2));
    await updateSettings((s) => ({
      ...s,
      theme: 'dark',
      categories: { ...s.categories, group: false },
    }));
    await vi.waitFor(() => expect(root.querySelectorAll('.page-entity')).toHaveLength(1));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('offers to switch Backstory back on when it is off', async () => {
    await updateSettings((s) => ({ ...s, enabled: false }));
    await mount(fakeEnv());
    const turnOn = await vi.waitFor(() => {
      const b = [...root.querySelectorAll('button')].find((x) => x.textContent === 'Turn it on');
      expect(b).toBeDefined();
      return b!;
    });
    act(() => turnOn.click());
    await vi.waitFor(async () => expect((await readSettings()).settings.enabled).toBe(true));
  });
});

describe('popup settings problems', () => {
  it('shows what was repaired and stores the repair on request', async () => {
    await settingsItem().setValue({ ...defaultSettings, hoverDelayMs: 5 });
    await mount(fakeEnv());
    await vi.waitFor(() => expect(text(root.querySelector('.problems'))).toContain('hoverDelayMs'));
    const keep = root.querySelector<HTMLButtonElement>('.problems button')!;
    expect(keep.textContent).toBe('Keep the repaired settings');
    act(() => keep.click());
    await vi.waitFor(() => expect(root.querySelector('.problems')).toBeNull());
    expect(await settingsItem().getValue()).toEqual(defaultSettings);
  });
});

describe('popup failures', () => {
  it('says the settings could not be read instead of waiting for them', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(
      new Error('the storage area is unavailable'),
    );
    const env = fakeEnv();
    act(() => mountPopup(root, env));
    await vi.waitFor(() =>
      expect(text(root.querySelector('[role="alert"]'))).toContain(
        'Backstory could not read your settings (the storage area is unavailable).',
      ),
    );
    // The lookup does not need the settings.
    expect(root.querySelector('input[role="combobox"]')).not.toBeNull();
  });

  it('says so when the settings page cannot be opened', async () => {
    const env = fakeEnv({
      openOptions: vi.fn(async () => Promise.reject(new Error('no options page'))),
    });
    await mount(env);
    const all = [...root.querySelectorAll('button')].find((b) => b.textContent === 'All settings')!;
    act(() => all.click());
    await vi.waitFor(() =>
      expect(text(root.querySelector('[role="alert"]'))).toBe(
        'Backstory could not open the settings page (no options page).',
      ),
    );
  });
});
