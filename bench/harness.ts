/**
 * What every benchmark shares: the build it measures and a headless Chromium with
 * or without it, one tab each, with a CDP session (the launcher, like the static
 * server, is tests/support's, shared with the tests).
 */
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/chromium';
import { TIMED_EXTENSION_DIR } from '../tests/support/paths';

/**
 * `npm run build:bench`: the production build plus the timeline marks the bench
 * reads. BACKSTORY_EXTENSION points at another build (an older commit's, for a baseline).
 */
export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION
  ? resolve(process.env.BACKSTORY_EXTENSION)
  : TIMED_EXTENSION_DIR;

export const log = (...parts: unknown[]) => console.error('[bench]', ...parts);

export interface Browser {
  /** The copy of the extension this browser loaded (null without one). */
  extensionDir: string | null;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Main-world script installed before any page script. */
  initScript?: string;
}

/** One persistent context, with or without the extension, holding a single tab. */
export async function launch(
  withExtension: boolean,
  options: LaunchOptions = {},
): Promise<Browser> {
  const browser = await launchChromium({
    extensionDir: withExtension ? EXTENSION_DIR : null,
  });
  const { context, tab: page } = browser;
  if (withExtension) await browser.serviceWorker();
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { extensionDir: browser.extensionDir, context, page, cdp, close: browser.close };
}
