/**
 * The one Chromium launcher of the tests and the bench: playwright-core driving the
 * system Chromium (Playwright's own browser download cannot work here), headless,
 * with a copy of an unpacked build loaded or none, one tab.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, TIMED_EXTENSION_DIR } from './paths';

export interface ChromiumOptions {
  /** Unpacked extension to load, or null for a plain browser. */
  extensionDir: string | null;
  /** A profile to keep after close (to test what survives a restart); a fresh one by default. */
  profileDir?: string;
  /** Send all non-loopback traffic to this proxy on 127.0.0.1 (a traffic trap). */
  proxyPort?: number;
  viewport?: { width: number; height: number };
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The context's single tab. */
  tab: Page;
  /** The copy of the extension the browser loaded (null without one). */
  extensionDir: string | null;
  /** The extension's service worker (waits for it if it is not running yet). */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

/** Root in containers needs no sandbox; the rest keeps Chromium from calling home. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(options: ChromiumOptions): Promise<LaunchedChromium> {
  const source = options.extensionDir === null ? null : resolve(options.extensionDir);
  if (source !== null && !existsSync(join(source, 'manifest.json'))) {
    const command = source === TIMED_EXTENSION_DIR ? 'npm run build:bench' : 'npm run build';
    throw new Error(`No extension build at ${source}: run \`${command}\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: \`apt-get install -y chromium\`.`);
  }
  const workDir = await mkdtemp(join(tmpdir(), 'backstory-chromium-'));
  // Load a copy: a build running meanwhile rewrites .output under a live browser.
  // An unpacked extension's id comes from its path: a kept profile needs the same path again.
  const loaded =
    source === null
      ? null
      : options.profileDir
        ? `${options.profileDir}-extension`
        : join(workDir, 'extension');
  if (source !== null && loaded !== null) await cp(source, loaded, { recursive: true });
  const args = [...FLAGS];
  // Loopback (the test server) bypasses the proxy implicitly.
  if (options.proxyPort !== undefined)
    args.push(`--proxy-server=http://127.0.0.1:${options.proxyPort}`);
  if (loaded !== null)
    args.push(`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`);
  const context = await chromium.launchPersistentContext(
    options.profileDir ?? join(workDir, 'profile'),
    {
      executablePath: CHROMIUM,
      headless: true,
      args,
      viewport: options.viewport ?? DEFAULT_VIEWPORT,
      // Playwright's default switches include --disable-extensions.
      ignoreDefaultArgs: loaded !== null ? ['--disable-extensions'] : undefined,
    },
  );
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  // The persistent context starts with one blank tab: keep exactly that one.
  const tab = context.pages()[0] ?? (await context.newPage());
  for (const extra of context.pages().slice(1)) await extra.close();
  return {
    context,
    tab,
    extensionDir: loaded,
    serviceWorker,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
