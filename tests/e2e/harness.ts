/**
 * The end-to-end harness: a real Chromium with the built extension loaded (or none),
 * the fixture pages served from 127.0.0.1, everything else sent to a traffic trap,
 * and a record of what the run must not do (see hygiene.ts).
 *
 * Everything that runs in the page (`evaluate` callbacks) runs in the main world,
 * which sees what the content script registers in `CSS.highlights` but nothing
 * else of its isolated world.
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { EXTENSION_DIR } from '../support/paths';
import { serve, type StaticServer } from '../support/static-server';
import { startTrafficTrap } from '../support/traffic-trap';
import { settle, waitForHighlights } from './highlights';
import {
  foreignRequests,
  isChromiumOwnTraffic,
  recordConsoleErrors,
  recordRequests,
  type RecordedRequest,
} from './hygiene';

export const FIXTURES_DIR = fileURLToPath(new URL('fixtures', import.meta.url));

/** The fixture pages on 127.0.0.1, on a free port. */
function startFixtureServer(): Promise<StaticServer> {
  return serve({ dir: FIXTURES_DIR });
}

export interface LaunchOptions {
  /** Unpacked extension to load; `false` for a plain browser. Default: `.output/chrome-mv3`. */
  extensionDir?: string | false;
  /** Reuse a running server instead of starting the fixture server. */
  server?: StaticServer;
  /** A browser profile to keep after close (to test what survives a restart); a fresh one by default. */
  profileDir?: string;
}

export interface Harness {
  context: BrowserContext;
  server: StaticServer;
  /** Empty when launched without an extension. */
  extensionId: string;
  /** Console errors and uncaught page errors, from pages, frames and the service worker. */
  consoleErrors: string[];
  /** Every request the browser context made (pages, frames, content scripts, service worker). */
  requests: RecordedRequest[];
  /** Requests to anything but the server and the extension's own files. */
  foreignRequests(): RecordedRequest[];
  /** Everything Chromium tried to send off this machine (see tests/support/traffic-trap.ts). */
  offHostTraffic: string[];
  /** `offHostTraffic` without the requests Chromium itself makes to Google services. */
  unexplainedTraffic(): string[];
  /**
   * Navigates the context's single tab to a served page and waits for `load`.
   * One tab keeps mouse events prompt and lets the service worker find the tab.
   */
  open(pageName: string): Promise<Page>;
  /** `open`, then waits until the extension has marked the page and the marks have settled. */
  openMarked(pageName: string): Promise<Page>;
  /** Opens one of the extension's pages (`popup.html`, `options.html#…`) in a new tab. */
  extensionPage(path: string): Promise<Page>;
  /** The extension's service worker (waits for it if it is not running yet). */
  serviceWorker(): Promise<Worker>;
  /** Sends `{ type: 'stepMention', direction }` to the page's tab, as the keyboard command does. */
  stepMention(page: Page, direction: 1 | -1): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir =
    options.extensionDir === false ? null : (options.extensionDir ?? EXTENSION_DIR);
  const server = options.server ?? (await startFixtureServer());
  const ownServer = options.server === undefined;
  const trap = await startTrafficTrap();
  const browser = await launchChromium({
    extensionDir,
    profileDir: options.profileDir,
    proxyPort: trap.port,
  }).catch(async (error: unknown) => {
    await trap.close();
    if (ownServer) await server.close();
    throw error;
  });
  const { context, tab, serviceWorker } = browser;
  const consoleErrors = recordConsoleErrors(context);
  const requests = recordRequests(context);
  const extensionId = extensionDir ? new URL((await serviceWorker()).url()).host : '';

  const harness: Harness = {
    context,
    server,
    extensionId,
    consoleErrors,
    requests,
    foreignRequests: () => foreignRequests(requests, server.origin),
    offHostTraffic: trap.log,
    unexplainedTraffic: () => trap.log.filter((line) => !isChromiumOwnTraffic(line)),
    async open(pageName) {
      await tab.goto(server.url(pageName), { waitUntil: 'load' });
      await tab.bringToFront();
      return tab;
    },
    async openMarked(pageName) {
      const page = await harness.open(pageName);
      await waitForHighlights(page, (ranges) => ranges.length > 0, 8_000);
      await settle(page);
      return page;
    },
    async extensionPage(path) {
      if (!extensionDir) throw new Error('no extension loaded');
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    serviceWorker,
    async stepMention(page, direction) {
      if (!extensionDir) throw new Error('no extension loaded');
      const worker = await serviceWorker();
      await page.bringToFront();
      const sent = await worker.evaluate(
        async ({ url, direction }) => {
          const chrome = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
          const all = await chrome.tabs.query({});
          // Without host permissions tab.url is hidden; the harness keeps a single tab anyway.
          const byUrl = all.filter((t) => t.url === url);
          const active = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          const tab = byUrl[0] ?? (all.length === 1 ? all[0] : active[0]);
          if (tab?.id === undefined) return `no tab among ${all.length}`;
          await chrome.tabs.sendMessage(tab.id, { type: 'stepMention', direction });
          return '';
        },
        { url: page.url(), direction },
      );
      if (sent) throw new Error(`stepMention: ${sent}`);
    },
    async close() {
      await browser.close();
      await trap.close();
      if (ownServer) await server.close();
    },
  };
  return harness;
}

/** The part of `chrome.tabs` the service-worker helpers use. */
interface ChromeTabsApi {
  tabs: {
    query(filter: {
      active?: boolean;
      lastFocusedWindow?: boolean;
    }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}
