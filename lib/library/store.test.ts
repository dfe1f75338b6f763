import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MAX_ARTICLE_CHARS } from './schema';
import { LibraryError, LibraryStore, canonicalUrl, watchLibrary } from './store';
import { article, draft } from './test-articles';

let store: LibraryStore;

beforeEach(() => {
  store = new LibraryStore();
});

afterEach(async () => {
  for (const a of (await store.list()).articles) await store.remove(a.id);
  store.close();
});

describe('library store', () => {
  test('adds a draft with an id and the date added, and lists it', async () => {
    const { article: added, updated } = await store.add(draft(), new Date('2024-04-01T08:00:00Z'));
    expect(updated).toBe(false);
    expect(added.id).toMatch(/^lib-[0-9a-f]{24}$/);
    expect(added.addedAt).toBe('2024-04-01T08:00:00.000Z');
    expect((await store.list()).articles).toEqual([added]);
    expect(await store.get(added.id)).toEqual(added);
  });

  test('the same address twice updates the entry', async () => {
    const first = await store.add(draft({ title: 'First version' }));
    const second = await store.add(
      draft({ url: 'https://news.example/world/kabul-attack#comments', title: 'Second version' }),
    );
    expect(second.updated).toBe(true);
    expect(second.article.id).toBe(first.article.id);
    const { articles } = await store.list();
    expect(articles.map((a) => a.title)).toEqual(['Second version']);
  });

  test('files and pastes without an address are separate entries', async () => {
    await store.add(draft({ url: undefined, source: 'paste' }));
    await store.add(draft({ url: undefined, source: 'paste' }));
    expect((await store.list()).articles).toHaveLength(2);
  });

  test('refuses an article over the size limit, naming it', async () => {
    const text = 'word '.repeat(MAX_ARTICLE_CHARS / 5 + 10);
    const error = await store
      .add(draft({ blocks: [{ kind: 'paragraph', text }] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).problem).toBe('too-large');
    expect((error as Error).message).toContain('2,000,000');
    expect((await store.list()).articles).toHaveLength(0);
  });

  test('putAll stores everything or nothing', async () => {
    await store.putAll([article({ id: 'lib-aaaaaa' }), article({ id: 'lib-bbbbbb' })]);
    expect((await store.list()).articles).toHaveLength(2);
    await expect(
      store.putAll([article({ id: 'lib-cccccc' }), { ...article(), id: 'bad id' }]),
    ).rejects.toThrow();
    expect((await store.list()).articles.map((a) => a.id).sort()).toEqual([
      'lib-aaaaaa',
      'lib-bbbbbb',
    ]);
  });

  test('a damaged record is reported, kept, and does not hide the others', async () => {
    await store.putAll([article({ id: 'lib-goodone' })]);
    const raw = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('backstory-library');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error as Error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = raw.transaction('articles', 'readwrite');
      tx.objectStore('articles').put({ id: 'lib-broken', title: 'Half written' });
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error as Error);
    });
    raw.close();
    const { articles, unreadable } = await store.list();
    expect(articles.map((a) => a.id)).toEqual(['lib-goodone']);
    expect(unreadable).toEqual(['“Half written” (lib-broken)']);
  });

  test('a full quota becomes a message that says nothing changed', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const error = await store.add(draft()).catch((e: unknown) => e);
    put.mockRestore();
    expect((error as LibraryError).problem).toBe('quota');
    expect((error as Error).message).toMatch(/no storage space.*Nothing was changed/);
  });

  test('derived indexes are stored, and removed with their article', async () => {
    const { article: added } = await store.add(draft());
    await store.putDerived([{ id: added.id, key: 'k' } as { id: string }]);
    expect(await store.derived()).toEqual([{ id: added.id, key: 'k' }]);
    await store.remove(added.id);
    expect(await store.derived()).toEqual([]);
  });

  test('watchers hear about every change', async () => {
    const heard = vi.fn();
    const unwatch = watchLibrary(heard);
    await store.add(draft());
    unwatch();
    await store.add(draft({ url: 'https://news.example/other' }));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  test('canonicalUrl drops only the fragment', () => {
    expect(canonicalUrl('https://a.example/x?id=2#top')).toBe('https://a.example/x?id=2');
  });
});
