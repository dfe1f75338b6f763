/** Settings stored from an extension page, as the options page stores them. */
import type { Harness } from './harness';

/** The part of `chrome.storage` used here. */
interface ChromeStorageApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}

/**
 * Replaces the stored settings with `settings` (a field left out keeps its
 * default). Pages opened afterwards start with them.
 */
export async function storeSettings(h: Harness, settings: Record<string, unknown>): Promise<void> {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await page.evaluate(async (value) => {
      const chrome = (globalThis as unknown as { chrome: ChromeStorageApi }).chrome;
      await chrome.storage.local.set({ settings: value });
    }, settings);
  } finally {
    await page.close();
  }
}
