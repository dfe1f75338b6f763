// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { AddPageSection, type PopupLibraryEnv } from './AddPageSection';
import type { ExtractMode } from './extract';
import { pendingAddItem } from './pending-add';
import type { AddOutcome } from './protocol';
import { renderRoot } from '../test-support/render-root';

const root = renderRoot();

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

const settle = () => act(async () => new Promise((ok) => setTimeout(ok, 0)));

function env(outcomes: Partial<Record<ExtractMode, AddOutcome>>) {
  return {
    addPage: vi.fn(async (mode: ExtractMode) => outcomes[mode]!),
    openLibrary: vi.fn(async () => undefined),
    load: vi.fn(),
  } satisfies PopupLibraryEnv;
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name);

test('adds the page and says what it names, with a way to open it', async () => {
  const library = env({
    article: {
      ok: true,
      id: 'lib-abc123',
      title: 'Kabul report',
      updated: false,
      entities: ['isis-k', 'kabul'],
    },
  });
  act(() => render(<AddPageSection library={library} />, root));
  button('Add this page to Backstory')?.click();
  await settle();
  expect(library.addPage).toHaveBeenCalledWith('article');
  expect(root.querySelector('[role=status]')?.textContent).toContain(
    'Added “Kabul report” in your library. It names 2 entities Backstory knows',
  );
  button('Open it')?.click();
  expect(library.openLibrary).toHaveBeenCalledWith('lib-abc123');
});

test('a page that is not an article: the problem, then the selection instead', async () => {
  const library = env({
    article: {
      ok: false,
      problem: 'Backstory could not find an article on this page.',
      alternatives: ['selection', 'page-text'],
    },
    selection: { ok: true, id: 'lib-def456', title: 'Front page', updated: true, entities: [] },
  });
  act(() => render(<AddPageSection library={library} />, root));
  button('Add this page to Backstory')?.click();
  await settle();
  expect(root.querySelector('[role=alert]')?.textContent).toContain('could not find an article');
  expect(button('Add the whole text of the page instead')).toBeDefined();
  button('Add the selected text instead')?.click();
  await settle();
  expect(library.addPage).toHaveBeenLastCalledWith('selection');
  expect(root.querySelector('[role=status]')?.textContent).toContain('Updated “Front page”');
});

test('an add asked for by the menu or the command runs when the popup opens', async () => {
  await pendingAddItem.setValue({ mode: 'selection' });
  const library = env({
    selection: { ok: true, id: 'lib-x12345', title: 'Quote', updated: false, entities: [] },
  });
  act(() => render(<AddPageSection library={library} />, root));
  await settle();
  await settle();
  expect(library.addPage).toHaveBeenCalledWith('selection');
  expect(await pendingAddItem.getValue()).toBeNull();
});

test('says so when the library cannot be opened', async () => {
  const library = env({});
  library.openLibrary.mockRejectedValue(new Error('no tab could be created'));
  act(() => render(<AddPageSection library={library} />, root));
  button('Open your library')?.click();
  await settle();
  expect(root.querySelector('[role=alert]')?.textContent).toBe(
    'Backstory could not open your library (no tab could be created).',
  );
});

test('says so when the add asked for by the menu cannot be read', async () => {
  vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValue(new Error('session gone'));
  const library = env({});
  act(() => render(<AddPageSection library={library} />, root));
  await settle();
  expect(root.querySelector('[role=alert]')?.textContent).toContain(
    'Backstory could not read the add you asked for (session gone)',
  );
  expect(library.addPage).not.toHaveBeenCalled();
  expect(button('Add this page to Backstory')).toBeDefined();
});
