/**
 * What every benchmark shares: the build it measures and a headless Chromium with
 * or without it, one tab each, with a CDP session (the launcher, like the static
 * server, is tests/support's, shared with the tests).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/chromium';
import { TIMED_EXTENSION_DIR } from '../tests/support/paths';
import { writeEmptyContentScriptExtension } from './empty-extension';

/**
 * `npm run build:bench`: the production build plus the timeline marks the bench
 * reads. BACKSTORY_EXTENSION points at another build (an older commit's, for a baseline).
 */
export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION
  ? resolve(process.env.BACKSTORY_EXTENSION)
  : TIMED_EXTENSION_DIR;

export const log = (...parts: unknown[]) => console.error('[bench]', ...parts);

/**
 * What a browser runs: Backstory's build, the control (an extension whose content
 * scripts are empty files: what injecting anything costs), or no extension.
 */
export type Side = 'backstory' | 'empty content script' | 'none';

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

/** One persistent context, with Backstory, the control or no extension, holding a single tab. */
export async function launch(side: Side, options: LaunchOptions = {}): Promise<Browser> {
  const control =
    side === 'empty content script' ? writeEmptyContentScriptExtension(EXTENSION_DIR) : null;
  const browser = await launchChromium({
    extensionDir: side === 'backstory' ? EXTENSION_DIR : control,
  });
  // The browser loaded a copy: the control's folder is not needed any more.
  if (control) rmSync(control, { recursive: true, force: true });
  const { context, tab: page } = browser;
  if (side === 'backstory') await browser.serviceWorker();
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { extensionDir: browser.extensionDir, context, page, cdp, close: browser.close };
}
