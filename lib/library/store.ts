import { errorReason } from '../text/error-reason';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  LIBRARY_ID_PREFIX,
  MAX_ARTICLE_CHARS,
  libraryArticleSchema,
  textLength,
  type ArticleDraft,
  type LibraryArticle,
} from './schema';

/**
 * The library lives in the extension's own IndexedDB: on this machine only, shared
 * by the background, the popup and the library page (one origin). Records are
 * validated on every read, so one damaged record costs only itself.
 */

const DB_NAME = 'backstory-library';
const DB_VERSION = 1;
const STORE = 'articles';
/** Each article's index (index-record.ts), derived from it and rebuilt when stale. */
const DERIVED = 'derived';
/** Every context that shows the library listens here; writes announce themselves. */
const CHANNEL = 'backstory-library';

interface LibraryDb extends DBSchema {
  [STORE]: { key: string; value: unknown };
  [DERIVED]: { key: string; value: unknown };
}

export type LibraryProblem = 'quota' | 'unavailable' | 'too-large';

/** A failure the reader can act on; `message` is written for them. */
export class LibraryError extends Error {
  constructor(
    readonly problem: LibraryProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'LibraryError';
  }
}

export interface LibraryListing {
  /** Newest first. */
  articles: LibraryArticle[];
  /** Records that no longer pass the schema: kept, not shown, reported. */
  unreadable: string[];
}

export interface AddResult {
  article: LibraryArticle;
  /** True when an article from the same address was replaced. */
  updated: boolean;
}

function toLibraryError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new LibraryError(
      'quota',
      'The browser has no storage space left for your library. Delete articles you no longer need, or free space in the browser, and try again. Nothing was changed.',
      { cause: error },
    );
  }
  const detail = errorReason(error);
  return new LibraryError(
    'unavailable',
    `Your library could not be opened (${detail}). The bundled articles and cards still work.`,
    { cause: error },
  );
}

/** Same address, same entry: the fragment names a place on the page, not another page. */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

async function idForUrl(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalUrl(url)));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return LIBRARY_ID_PREFIX + hex.slice(0, 24);
}

function randomId(): string {
  return LIBRARY_ID_PREFIX + crypto.randomUUID().replace(/-/g, '');
}

function tooLargeMessage(chars: number): string {
  return `This article has ${chars.toLocaleString('en')} characters of text; the library takes articles of up to ${MAX_ARTICLE_CHARS.toLocaleString('en')} (about 2 MB). Add a selection of it instead.`;
}

/** Completes a draft into a library article: its id (one per address) and the date added. */
async function toLibraryArticle(draft: ArticleDraft, now: Date): Promise<LibraryArticle> {
  const chars = textLength(draft.blocks);
  if (chars > MAX_ARTICLE_CHARS) throw new LibraryError('too-large', tooLargeMessage(chars));
  const url = draft.url && canonicalUrl(draft.url);
  const article = {
    ...draft,
    ...(url && { url }),
    id: url ? await idForUrl(url) : randomId(),
    addedAt: now.toISOString(),
  };
  return libraryArticleSchema.parse(article);
}

export class LibraryStore {
  private db: Promise<IDBPDatabase<LibraryDb>> | undefined;

  private open(): Promise<IDBPDatabase<LibraryDb>> {
    this.db ??= openDB<LibraryDb>(DB_NAME, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'id' });
        db.createObjectStore(DERIVED, { keyPath: 'id' });
      },
      // Another context upgraded the database: reopen on next use rather than block it.
      blocking: () => {
        this.closeDb();
      },
    }).catch((error: unknown) => {
      this.db = undefined;
      throw toLibraryError(error);
    });
    return this.db;
  }

  private async run<T>(work: (db: IDBPDatabase<LibraryDb>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.open());
    } catch (error) {
      throw toLibraryError(error);
    }
  }

  async list(): Promise<LibraryListing> {
    const records = await this.run((db) => db.getAll(STORE));
    const articles: LibraryArticle[] = [];
    const unreadable: string[] = [];
    for (const record of records) {
      const parsed = libraryArticleSchema.safeParse(record);
      if (parsed.success) articles.push(parsed.data);
      else unreadable.push(describeRecord(record));
    }
    articles.sort((a, b) => b.addedAt.localeCompare(a.addedAt));
    return { articles, unreadable };
  }

  async get(id: string): Promise<LibraryArticle | undefined> {
    const record = await this.run((db) => db.get(STORE, id));
    const parsed = libraryArticleSchema.safeParse(record);
    return parsed.success ? parsed.data : undefined;
  }

  /** Adds a draft, replacing the entry from the same address if there is one. */
  async add(draft: ArticleDraft, now = new Date()): Promise<AddResult> {
    const article = await toLibraryArticle(draft, now);
    const updated = await this.run(async (db) => {
      const tx = db.transaction(STORE, 'readwrite');
      const existed = (await tx.store.getKey(article.id)) !== undefined;
      await tx.store.put(article);
      await tx.done;
      return existed;
    });
    announce();
    return { article, updated };
  }

  /** Stores every article in one transaction: all of them, or (on any failure) none. */
  async putAll(articles: readonly LibraryArticle[]): Promise<void> {
    const valid = articles.map((a) => libraryArticleSchema.parse(a));
    await this.run(async (db) => {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([...valid.map((a) => tx.store.put(a)), tx.done]);
    });
    announce();
  }

  async remove(id: string): Promise<void> {
    await this.run(async (db) => {
      const tx = db.transaction([STORE, DERIVED], 'readwrite');
      await Promise.all([
        tx.objectStore(STORE).delete(id),
        tx.objectStore(DERIVED).delete(id),
        tx.done,
      ]);
    });
    announce();
  }

  /** The stored indexes, unvalidated (see index-record.ts). */
  derived(): Promise<unknown[]> {
    return this.run((db) => db.getAll(DERIVED));
  }

  /** Stores indexes for next time; derived data, so a failure (a full disk) costs only speed. */
  async putDerived(records: readonly { id: string }[]): Promise<void> {
    if (records.length === 0) return;
    await this.run(async (db) => {
      const tx = db.transaction(DERIVED, 'readwrite');
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    }).catch((error: unknown) => console.warn('Backstory: the library index was not saved', error));
  }

  close(): void {
    this.closeDb();
  }

  private closeDb(): void {
    // A database that failed to open has nothing to close.
    this.db?.then(
      (db) => db.close(),
      () => undefined,
    );
    this.db = undefined;
  }
}

function describeRecord(record: unknown): string {
  const r = record as { id?: unknown; title?: unknown } | null;
  const title = typeof r?.title === 'string' ? `“${r.title}”` : '';
  const id = typeof r?.id === 'string' ? r.id : 'without an id';
  return title ? `${title} (${id})` : id;
}

function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
  for (const callback of localWatchers) callback();
}

/** A BroadcastChannel does not deliver to its own context; local watchers are called directly. */
const localWatchers = new Set<() => void>();

/** Calls back after any change to the library, from any extension context. */
export function watchLibrary(callback: () => void): () => void {
  localWatchers.add(callback);
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  channel?.addEventListener('message', callback);
  return () => {
    localWatchers.delete(callback);
    channel?.close();
  };
}
