import { browser } from 'wxt/browser';
import { loadKnowledgeBase } from '@/lib/kb/load';
import { listen, tell } from '@/lib/messaging';
import { formatRoute } from '@/lib/reader/route';
import { toCardData } from '@/lib/ui/card-data';

export default defineBackground(() => {
  listen({
    getCard: ({ entity }) => toCardData(loadKnowledgeBase(), entity) ?? null,
    openReader: async ({ ref }) => {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/reader.html${formatRoute(ref)}` as `/reader.html`),
      });
      return null;
    },
  });

  browser.commands.onCommand.addListener(async (command) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : null;
    if (direction === null) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Pages where content scripts cannot run (the browser's own) simply have no listener.
    await tell(tab.id, { type: 'stepMention', direction }).catch(() => undefined);
  });
});
