import { browser } from 'wxt/browser';
import { tell } from '../messaging/client';

/** The keyboard shortcuts that step through the active tab's entities. */
export function answerSteppingCommands(): void {
  browser.commands.onCommand.addListener((command) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : null;
    if (direction === null) return;
    stepActiveTab(direction).catch((error: unknown) =>
      console.warn('Backstory: could not step to the next mention', error),
    );
  });
}

async function stepActiveTab(direction: 1 | -1): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // Pages where content scripts cannot run (the browser's own) simply have no listener.
  await tell(tab.id, { type: 'stepMention', direction }).catch(() => undefined);
}
