import { errorReason } from '../text/error-reason';
import { browser } from 'wxt/browser';
import type { KnowledgeBase, MatcherData } from '../kb/schema';
import { tell } from '../messaging/client';
import { toCardData, type CardData } from '../kb/card-data';
import { withLibrary } from '../library/card';
import type { ExtractMode } from '../library/extract';
import { createLibraryIndex, type LibraryIndex } from '../library/index-article';
import { withPackedTrie } from '../match/data';
import { loadLibrary } from '../library/load';
import { pendingAddItem } from '../library/pending-add';
import type { AddOutcome } from '../library/protocol';
import { LibraryError, LibraryStore, watchLibrary } from '../library/store';

/** The background's part of the library: cards that cite it, and adding the tab's page. */

const ADD_PAGE_MENU_ID = 'backstory-add-page';
const ADD_SELECTION_MENU_ID = 'backstory-add-selection';
const ADD_PAGE_COMMAND = 'add-page';

const CANNOT_READ =
  'Backstory cannot read this page: browser pages, the PDF viewer and extension stores are closed to extensions. Add the article from a file on the library page instead.';

const EMPTY: LibraryIndex = createLibraryIndex(
  [],
  withPackedTrie({ entities: [], aliases: [], notEntities: [], dates: {} }),
);

export class LibraryService {
  private readonly store = new LibraryStore();
  private index: Promise<LibraryIndex> | undefined;

  constructor(
    private readonly kb: () => KnowledgeBase,
    private readonly matcherData: () => MatcherData,
  ) {
    watchLibrary(() => {
      this.index = undefined;
    });
  }

  /** The library's index; empty (and asked again next time) when the database cannot be read. */
  private current(): Promise<LibraryIndex> {
    this.index ??= loadLibrary(this.store, this.matcherData()).then(
      ({ index }) => index,
      (error: unknown) => {
        console.warn('Backstory: the library could not be read', error);
        this.index = undefined;
        return EMPTY;
      },
    );
    return this.index;
  }

  async card(entity: string): Promise<CardData | null> {
    const card = toCardData(this.kb(), entity);
    return card ? withLibrary(card, this.kb(), await this.current()) : null;
  }

  async addFromTab(tabId: number, mode: ExtractMode): Promise<AddOutcome> {
    const extraction = await tell<'extractPage'>(tabId, { type: 'extractPage', mode }).catch(
      () => null,
    );
    if (!extraction) return { ok: false, problem: CANNOT_READ, alternatives: [] };
    if (!extraction.ok) return extraction;
    try {
      const { article, updated } = await this.store.add(extraction.draft);
      const entities = createLibraryIndex([article], this.matcherData()).entitiesIn(article.id);
      return { ok: true, id: article.id, title: article.title, updated, entities };
    } catch (error) {
      const tooLarge = error instanceof LibraryError && error.problem === 'too-large';
      return {
        ok: false,
        problem: errorReason(error),
        alternatives: tooLarge && mode !== 'selection' ? ['selection'] : [],
      };
    }
  }

  /**
   * From the menu or the command: the popup opens and adds the page, so the outcome and
   * any alternative can be shown. Without a popup, the page is added here and the
   * toolbar badge says how it went.
   */
  async requestAdd(tabId: number, mode: ExtractMode): Promise<void> {
    // Started together: Firefox allows openPopup() only in the turn of the user's action.
    const stored = pendingAddItem.setValue({ mode });
    const action = browser.action ?? browser.browserAction;
    const opened = action.openPopup().then(
      () => true,
      () => false,
    );
    await stored;
    if (await opened) return;
    await pendingAddItem.removeValue();
    const outcome = await this.addFromTab(tabId, mode);
    await action.setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#1a7f37' : '#b42318' });
    await action.setBadgeText({ tabId, text: outcome.ok ? '+1' : '!' });
    await action.setTitle({
      tabId,
      title: outcome.ok ? `Added “${outcome.title}” to your Backstory library` : outcome.problem,
    });
  }
}

export function createLibraryMenus(): void {
  browser.contextMenus.create({
    id: ADD_PAGE_MENU_ID,
    title: 'Add this page to Backstory',
    contexts: ['page'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
  browser.contextMenus.create({
    id: ADD_SELECTION_MENU_ID,
    title: 'Add the selected text to Backstory',
    contexts: ['selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

export function listenForAddRequests(library: LibraryService): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const mode =
      info.menuItemId === ADD_PAGE_MENU_ID
        ? 'article'
        : info.menuItemId === ADD_SELECTION_MENU_ID
          ? 'selection'
          : null;
    if (mode && tab?.id !== undefined) library.requestAdd(tab.id, mode).catch(warnNotAdded);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== ADD_PAGE_COMMAND) return;
    addActiveTab(library, tab?.id).catch(warnNotAdded);
  });
}

async function addActiveTab(library: LibraryService, tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id !== undefined) await library.requestAdd(id, 'article');
}

/** requestAdd reports the outcome of the add itself; this is for the browser calls around it. */
function warnNotAdded(error: unknown): void {
  console.warn('Backstory: could not add the page to the library', error);
}
