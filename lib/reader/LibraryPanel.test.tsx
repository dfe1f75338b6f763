// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { loadKnowledgeBase, loadMatcherData } from '../kb/load';
import { mountReader } from './ReaderApp';
import { LibraryStore } from '../library/store';
import { article } from '../library/test-articles';
import { renderRoot } from '../test-support/render-root';

const kb = loadKnowledgeBase();
const root = renderRoot();
let store: LibraryStore;

const settle = async (until: () => unknown) => {
  for (let i = 0; i < 50 && !until(); i++) {
    await act(async () => new Promise((ok) => setTimeout(ok, 10)));
  }
};

beforeEach(async () => {
  store = new LibraryStore();
  await store.putAll([article({ id: 'lib-panel1', title: 'Kabul airport report' })]);
});

afterEach(async () => {
  window.location.hash = '';
  for (const a of (await store.list()).articles) await store.remove(a.id);
  store.close();
});

test('a link into the reader’s own article waits for the library, then opens at the sentence', async () => {
  window.location.hash = '#article=lib-panel1&block=1&sentence=1';
  act(() => mountReader(root, kb, { store, matcherData: loadMatcherData() }));
  expect(root.textContent).toContain('Opening your library…');
  await settle(() => root.querySelector('[aria-current="true"]'));
  expect(root.querySelector('h1')?.textContent).toBe('Kabul airport report');
  expect(root.querySelector('[aria-current="true"]')?.textContent).toBe(
    'Sanaullah Ghafari leads the group.',
  );
  const own = root.querySelector('.own-item');
  expect(own?.textContent).toContain('Example News');
  expect(own?.textContent).toMatch(/Names .*Sanaullah Ghafari/);
});

test('a malformed import names the problem and changes nothing', async () => {
  act(() => mountReader(root, kb, { store, matcherData: loadMatcherData() }));
  await settle(() => root.querySelector('.own-item'));
  const input = root.querySelector<HTMLInputElement>('input[aria-label="Import a library file"]')!;
  const file = new File(
    ['{"format":"backstory-library","version":1,"exportedAt":"x","articles":[]}'],
    'bad.json',
  );
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(() => root.querySelector('.library-message'));
  const alert = root.querySelector('.library-message[role=alert]');
  expect(alert?.textContent).toContain(
    '“bad.json” was not imported, and your library is unchanged',
  );
  expect(alert?.textContent).toContain('Field “exportedAt” is not a valid date and time');
  expect((await store.list()).articles.map((a) => a.id)).toEqual(['lib-panel1']);
});

test('an import file that cannot be read names it and the reason, and changes nothing', async () => {
  act(() => mountReader(root, kb, { store, matcherData: loadMatcherData() }));
  await settle(() => root.querySelector('.own-item'));
  const input = root.querySelector<HTMLInputElement>('input[aria-label="Import a library file"]')!;
  const file = new File(['{}'], 'moved.json');
  file.text = () => Promise.reject(new Error('the file changed on disk'));
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(() => root.querySelector('.library-message'));
  expect(root.querySelector('.library-message[role=alert]')?.textContent).toContain(
    '“moved.json” could not be read (the file changed on disk). Your library is unchanged.',
  );
  expect((await store.list()).articles.map((a) => a.id)).toEqual(['lib-panel1']);
});
