import { browser } from 'wxt/browser';
import { answerSteppingCommands } from '@/lib/background/commands';
import { LibraryService, listenForAddRequests } from '@/lib/background/library';
import { setUpMenus } from '@/lib/background/menus';
import { answerRequests } from '@/lib/background/requests';
import { loadKnowledgeBase, loadMatcherData } from '@/lib/kb/load';
import { migrateSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  const library = new LibraryService(loadKnowledgeBase, loadMatcherData);
  listenForAddRequests(library);
  answerRequests(library);
  answerSteppingCommands();
  setUpMenus();
  // Pages only read the settings; an update's migration runs here, where the update starts.
  migrateSettings().catch((error: unknown) =>
    console.error('Backstory: could not migrate the settings', error),
  );
  // `npm run dev` starts on the bundled reader, so something works with no setup.
  if (import.meta.env.DEV) {
    browser.runtime.onInstalled.addListener(() => {
      browser.tabs
        .create({ url: browser.runtime.getURL('/reader.html') })
        .catch((error: unknown) => console.warn('Backstory: could not open the reader', error));
    });
  }
});
