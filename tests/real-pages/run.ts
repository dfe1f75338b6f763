/**
 * Opens the real saved pages in Chromium with the built extension, several tabs
 * at a time, and reads what it marks. Shared by the real-page e2e suite and
 * `npm run precision`.
 */
import type { BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { serve, type StaticServer } from '../support/static-server';
import type { EntityIndex } from '../e2e/expectations';
import { mapLimit, readMarks, scrollThrough, waitForIndexed, type PageMark } from './marks';
import { REAL_PAGES_DIR } from './pages';

/**
 * The saved pages' own scripts would run against a network that is not there:
 * they fail, retry and rewrite the page at random, and one (Times of India)
 * navigates away when its ad loader fails. A CSP that forbids page scripts keeps
 * every run identical; content scripts are not subject to the page's CSP.
 */
const PAGE_HEADERS = { 'content-security-policy': "script-src 'none'" };

/** Tabs open at once: the machine has two cores; more tabs only queue. */
export const TABS = Number(process.env.REAL_PAGES_TABS ?? 3);

export function startRealPageServer(): Promise<StaticServer> {
  return serve({ dir: REAL_PAGES_DIR, headers: PAGE_HEADERS });
}

export interface PageVisit {
  name: string;
  /** Console errors and uncaught errors of the tab, as `text (url:line)`. */
  errors: string[];
  /** Every URL the tab requested, in order. */
  requests: string[];
  bodyText: string;
  marks: PageMark[];
}

/** Resolves once none of the tab's requests has been in flight for `quietMs`. */
type NetworkQuiet = (quietMs: number, timeoutMs: number) => Promise<void>;

function watch(page: Page): { errors: string[]; requests: string[]; networkQuiet: NetworkQuiet } {
  const errors: string[] = [];
  const requests: string[] = [];
  // Playwright's own 'networkidle' never comes for a page whose frame makes a request
  // after that frame has once gone idle (its Frame._startNetworkIdleTimer returns early
  // for a frame that fired the event, leaving the frame counted as busy): a frame's
  // content script imports the engine a second after the frame settles, which is later.
  const inFlight = new Set<Request>();
  let changed = Date.now();
  const done = (req: Request) => {
    if (inFlight.delete(req)) changed = Date.now();
  };
  page.on('request', (req) => {
    requests.push(req.url());
    inFlight.add(req);
    changed = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const networkQuiet: NetworkQuiet = async (quietMs, timeoutMs) => {
    const give = Date.now() + timeoutMs;
    while (inFlight.size > 0 || Date.now() - changed < quietMs) {
      if (Date.now() > give) {
        const urls = [...inFlight].map((r) => r.url());
        throw new Error(`requests still in flight after ${timeoutMs} ms: ${urls.join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    errors.push(`${msg.text()} (${loc.url}:${loc.lineNumber})`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return { errors, requests, networkQuiet };
}

export interface VisitOptions {
  context: BrowserContext;
  server: StaticServer;
  /** Given: read the extension's marks (it must be loaded in `context`). */
  index?: EntityIndex;
  /** Called while the tab is still open (DOM snapshots and the like). */
  inspect?: (page: Page, name: string) => Promise<void>;
}

/**
 * Loads a page, waits for the extension to index it (when reading marks),
 * scrolls through it (which also triggers the page's lazy loading, so a run
 * without the extension makes the same requests) and closes the tab.
 */
async function visit(name: string, options: VisitOptions): Promise<PageVisit> {
  const page = await options.context.newPage();
  const { networkQuiet, ...seen } = watch(page);
  try {
    await page.goto(options.server.url(name), { waitUntil: 'load', timeout: 60_000 });
    let marks: PageMark[] = [];
    if (options.index) {
      await waitForIndexed(page);
      marks = await readMarks(page, name, options.index);
    } else {
      await scrollThrough(page);
    }
    // Lazy images and fonts the scroll asked for: both runs wait until they have failed.
    // As long as `goto` may take: on two shared cores a page's lazy loads can queue for a while.
    await networkQuiet(500, 60_000);
    await options.inspect?.(page, name);
    const bodyText = await page.evaluate(() => document.body.innerText);
    return { name, ...seen, bodyText, marks };
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
  } finally {
    await page.close();
  }
}

export function visitAll(names: readonly string[], options: VisitOptions): Promise<PageVisit[]> {
  return mapLimit(names, TABS, (name) => visit(name, options));
}
