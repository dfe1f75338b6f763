/**
 * End-to-end harness: a static server for the fixture pages and a real Chromium
 * with the built extension loaded (see docs/setup-notes.md: playwright-core with
 * the system Chromium; Playwright's own browser download cannot work here).
 *
 * Everything that runs in the page (`evaluate` callbacks) runs in the main world,
 * which sees what the content script registers in `CSS.highlights` but nothing
 * else of its isolated world.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type BrowserContext,
  type ConsoleMessage,
  type Frame,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const FIXTURES_DIR = join(HERE, 'fixtures');
/** The production build `npm run build` writes. */
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/**
 * The same build plus the timeline marks (`npm run build:bench`). Only suites that must know
 * when the whole page has been read use it: production builds put nothing on the page's timeline.
 */
export const TIMED_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-bench');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The category highlights of the contract, registered in `CSS.highlights`. */
export const HIGHLIGHT_NAMES = [
  'backstory-person',
  'backstory-group',
  'backstory-organization',
  'backstory-media',
  'backstory-place',
  'backstory-event',
] as const;

/** Hover intent is ~400 ms and closing ~300 ms; these are the generous upper bounds tests wait. */
export const CARD_OPEN_TIMEOUT = 3_000;
export const CARD_CLOSE_TIMEOUT = 2_000;

// ---------------------------------------------------------------------------
// Static file server
// ---------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  url(path: string): string;
  /** Every path the server was asked for, in order. */
  served: string[];
  close(): Promise<void>;
}

/** Serves `dir` (the fixtures by default) on 127.0.0.1, on a free port, adding `headers`. */
export async function startServer(
  dir: string = FIXTURES_DIR,
  headers: Record<string, string> = {},
): Promise<FixtureServer> {
  const root = resolve(dir);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      served.push(pathname);
      const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...headers,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * A proxy that answers every request with 403 and writes down where it was going.
 * Chromium sends all non-loopback traffic through it (`--proxy-server`), so it sees
 * what Playwright's events cannot: requests made before the harness listened (a
 * service worker's first run) and requests from any browser process.
 */
export interface TrafficTrap {
  port: number;
  /** `GET http://host/path` or `CONNECT host:443`, in order. */
  log: string[];
  close(): Promise<void>;
}

export async function startTrafficTrap(): Promise<TrafficTrap> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the e2e harness');
  });
  server.on('connect', (req, socket) => {
    log.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('trap has no port');
  return {
    port: address.port,
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The page URL the request came from, or `service-worker:URL`. */
  from: string;
}

export interface LaunchOptions {
  /** Unpacked extension to load; `false` for a plain browser. Default: `.output/chrome-mv3`. */
  extensionDir?: string | false;
  /** Reuse a running fixture server instead of starting one. */
  server?: FixtureServer;
  /** A browser profile to keep after close (to test what survives a restart); a fresh one by default. */
  profileDir?: string;
}

export interface Harness {
  context: BrowserContext;
  server: FixtureServer;
  /** Empty when launched without an extension. */
  extensionId: string;
  /** Console errors and uncaught page errors, from pages, frames and the service worker. */
  consoleErrors: string[];
  /** Every request the browser context made (pages, frames, content scripts, service worker). */
  requests: RecordedRequest[];
  /** Requests to anything but the fixture server and the extension's own files. */
  foreignRequests(): RecordedRequest[];
  /** Everything Chromium tried to send off this machine (see `startTrafficTrap`). */
  offHostTraffic: string[];
  /** `offHostTraffic` without the requests Chromium itself makes to Google services. */
  unexplainedTraffic(): string[];
  /**
   * Navigates the context's single tab to a fixture page and waits for `load`.
   * One tab keeps mouse events prompt and lets the service worker find the tab.
   */
  open(pageName: string): Promise<Page>;
  /** The extension's service worker (waits for it if it is not running yet). */
  serviceWorker(): Promise<Worker>;
  /** Sends `{ type: 'stepMention', direction }` to the page's tab, as the keyboard command does. */
  stepMention(page: Page, direction: 1 | -1): Promise<void>;
  close(): Promise<void>;
}

/** The flags of setup-notes.md: no sandbox as root, and no attempts to reach the closed network. */
function chromiumArgs(extensionDir: string | false, proxyPort: number): string[] {
  const args = [
    // Loopback (the fixture server) bypasses the proxy implicitly.
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (extensionDir) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  return args;
}

const ALLOWED_SCHEMES = ['chrome-extension:', 'data:', 'blob:', 'about:'];

/**
 * Chromium's own calls home, which the switches of setup-notes.md do not all stop
 * (seen here: sign-in, component/extension update checks, autofill): the browser's,
 * not the extension's, whose requests Playwright attributes to a page or worker.
 */
const CHROMIUM_OWN_HOSTS = [
  'accounts.google.com',
  'android.clients.google.com',
  'update.googleapis.com',
  'content-autofill.googleapis.com',
  'clients2.google.com',
  'clientservices.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'safebrowsing.googleapis.com',
  'redirector.gvt1.com',
  'edgedl.me.gvt1.com',
];

function isChromiumOwnTraffic(line: string): boolean {
  const target = line.split(' ')[1] ?? '';
  const host = target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, '');
  return CHROMIUM_OWN_HOSTS.includes(host);
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir =
    options.extensionDir === false ? false : resolve(options.extensionDir ?? EXTENSION_DIR);
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: \`apt-get install -y chromium\`.`);
  }
  const server = options.server ?? (await startServer());
  const ownServer = options.server === undefined;
  const trap = await startTrafficTrap();
  const workDir = await mkdtemp(join(tmpdir(), 'backstory-e2e-'));
  const userDataDir = options.profileDir ?? join(workDir, 'profile');
  // Load a copy: a `wxt build` running meanwhile rewrites .output under a live browser.
  // An unpacked extension's id comes from its path: a kept profile needs the same path again.
  const loadedDir = extensionDir
    ? options.profileDir
      ? `${options.profileDir}-extension`
      : join(workDir, 'extension')
    : false;
  if (extensionDir && loadedDir) await cp(extensionDir, loadedDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(loadedDir, trap.port),
    viewport: { width: 1280, height: 800 },
    // Playwright's default switches include --disable-extensions.
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : undefined,
  });

  const consoleErrors: string[] = [];
  const requests: RecordedRequest[] = [];
  const where = (msg: ConsoleMessage) => {
    const page = msg.page();
    if (page) return page.url();
    const worker = msg.worker();
    return worker ? `worker:${worker.url()}` : '?';
  };
  context.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      consoleErrors.push(`[${where(msg)}] ${msg.text()} (${loc.url}:${loc.lineNumber})`);
    }
  });
  context.on('weberror', (err) => {
    consoleErrors.push(`[${err.page()?.url() ?? '?'}] uncaught: ${err.error().message}`);
  });
  context.on('request', (req) => {
    let from = '?';
    try {
      from = req.serviceWorker()
        ? `service-worker:${req.serviceWorker()!.url()}`
        : req.frame().url();
    } catch {
      // Requests of service workers have no frame.
    }
    requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType(), from });
  });

  let extensionId = '';
  const findWorker = () =>
    context
      .serviceWorkers()
      .find((w) => w.url().startsWith(`chrome-extension://${extensionId || ''}`));
  const serviceWorker = async (): Promise<Worker> =>
    findWorker() ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  if (extensionDir) {
    const worker = await serviceWorker();
    extensionId = new URL(worker.url()).host;
  }

  // The persistent context starts with one blank tab: keep exactly that one.
  const tab = context.pages()[0] ?? (await context.newPage());
  for (const extra of context.pages().slice(1)) await extra.close();

  const harness: Harness = {
    context,
    server,
    extensionId,
    consoleErrors,
    requests,
    foreignRequests: () =>
      requests.filter(
        (r) =>
          !r.url.startsWith(server.origin + '/') &&
          !ALLOWED_SCHEMES.some((scheme) => r.url.startsWith(scheme)),
      ),
    offHostTraffic: trap.log,
    unexplainedTraffic: () => trap.log.filter((line) => !isChromiumOwnTraffic(line)),
    async open(pageName) {
      await tab.goto(server.url(pageName), { waitUntil: 'load' });
      await tab.bringToFront();
      return tab;
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
      await context.close().catch(() => undefined);
      await trap.close();
      if (ownServer) await server.close();
      await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
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

// ---------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------

/** A page or one of its frames: both evaluate in their own main world. */
export type Target = Page | Frame;

export interface HighlightRange {
  /**
   * The category highlight, e.g. `backstory-person`, whatever variant draws it
   * (`backstory-person-in-link-on-dark` is reported as `backstory-person`).
   */
  name: string;
  /** The variant's suffix as registered: '', `-in-link`, `-on-dark` or `-in-link-on-dark`. */
  variant: string;
  /** `Range.toString()` of the highlighted range. */
  text: string;
  /** Ids of the ancestors (innermost first), across shadow boundaries. */
  ids: string[];
  /**
   * Where the range starts: child indexes from the document down to the start node
   * (-1 enters a shadow root), then the offset. Orders ranges and tells them apart.
   */
  position: number[];
  /** The range starts inside a shadow tree. */
  inShadow: boolean;
  /** The start node is in this document (not in a template's content, not detached). */
  connected: boolean;
  /** The characters just outside the range within the same block ('' at a block edge). */
  before: string;
  after: string;
}

/** Every range registered now in a `backstory-*` highlight, in document order. */
export async function highlightRanges(target: Target): Promise<HighlightRange[]> {
  const ranges = await target.evaluate(() => {
    const out: HighlightRange[] = [];
    const registry = (CSS as { highlights?: HighlightRegistry }).highlights;
    if (!registry) return out;
    const blockOf = (node: Node): Node | null => {
      let el: Node | null = node instanceof Element ? node : node.parentNode;
      while (el) {
        if (el instanceof ShadowRoot) return el;
        if (el instanceof Element && !getComputedStyle(el).display.startsWith('inline')) return el;
        el = el.parentNode;
      }
      return null;
    };
    // The neighbouring character in document order, unless it sits in another block.
    const neighbour = (node: Node, offset: number, forward: boolean): string => {
      if (node instanceof Text) {
        const ch = forward ? node.data[offset] : node.data[offset - 1];
        if (ch !== undefined) return ch;
      }
      const walker = document.createTreeWalker(node.getRootNode(), NodeFilter.SHOW_TEXT);
      walker.currentNode = node instanceof Text ? node : (node.childNodes[offset] ?? node);
      const next = (forward ? walker.nextNode() : walker.previousNode()) as Text | null;
      if (!next || blockOf(next) !== blockOf(node)) return '';
      return (forward ? next.data[0] : next.data[next.data.length - 1]) ?? '';
    };
    registry.forEach((highlight, registered) => {
      const parts = /^(backstory-[a-z]+)((?:-in-link)?(?:-on-dark)?)$/.exec(registered);
      // A mention revealed under the pointer is not a mark.
      if (!parts || registered === 'backstory-revealed') return;
      const [, name = '', variant = ''] = parts;
      highlight.forEach((abstract) => {
        let live: Range | null = null;
        if (abstract instanceof Range) {
          live = abstract;
        } else {
          try {
            live = document.createRange();
            live.setStart(abstract.startContainer, abstract.startOffset);
            live.setEnd(abstract.endContainer, abstract.endOffset);
          } catch {
            live = null;
          }
        }
        const text = live ? live.toString() : '<invalid static range>';
        const ids: string[] = [];
        let inShadow = false;
        let node: Node | null = abstract.startContainer;
        while (node) {
          if (node instanceof Element && node.id) ids.push(node.id);
          if (node instanceof ShadowRoot) {
            inShadow = true;
            node = node.host;
          } else {
            node = node.parentNode;
          }
        }
        const connected =
          abstract.startContainer.isConnected && abstract.startContainer.ownerDocument === document;
        let before = '';
        let after = '';
        try {
          before = neighbour(abstract.startContainer, abstract.startOffset, false);
          after = neighbour(abstract.endContainer, abstract.endOffset, true);
        } catch {
          // A range into a detached or foreign node: `connected` already says so.
        }
        const position = [abstract.startOffset];
        for (let n: Node | null = abstract.startContainer; n;) {
          if (n instanceof ShadowRoot) {
            position.unshift(-1);
            n = n.host;
            continue;
          }
          const parent: Node | null = n.parentNode;
          if (parent) position.unshift(Array.prototype.indexOf.call(parent.childNodes, n));
          n = parent;
        }
        out.push({ name, variant, text, ids, position, inShadow, connected, before, after });
      });
    });
    return out;
  });
  return ranges.sort(byPosition);
}

/** Document order of two highlight ranges (see `HighlightRange.position`). */
export function byPosition(a: HighlightRange, b: HighlightRange): number {
  const n = Math.min(a.position.length, b.position.length);
  for (let i = 0; i < n; i++) {
    if (a.position[i] !== b.position[i]) return a.position[i]! - b.position[i]!;
  }
  return a.position.length - b.position.length;
}

/**
 * Every highlighted range on the page. The extension may register ranges only
 * near the viewport (painting cost grows with ranges), so this scrolls through
 * the page a viewport at a time, collects what is registered at each stop, and
 * scrolls back.
 */
export async function allHighlights(target: Target): Promise<HighlightRange[]> {
  const found = new Map<string, HighlightRange>();
  const { height, total, start } = await target.evaluate(() => ({
    height: window.innerHeight,
    total: document.documentElement.scrollHeight,
    start: window.scrollY,
  }));
  const scrollTo = (top: number) =>
    target.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), top);
  for (let top = 0; ; top += height) {
    await scrollTo(top);
    await settle(target, 250, 2_000);
    for (const r of await highlightRanges(target)) {
      found.set(`${r.name} ${r.position.join('.')}`, r);
    }
    if (top + height >= total) break;
  }
  await scrollTo(start);
  return [...found.values()].sort(byPosition);
}

/** Per `backstory-*` highlight, the `toString()` of each range. */
export async function highlightTexts(target: Target): Promise<Record<string, string[]>> {
  const texts: Record<string, string[]> = {};
  for (const r of await highlightRanges(target)) (texts[r.name] ??= []).push(r.text);
  return texts;
}

/** Collapses whitespace (incl. no-break spaces) and drops soft hyphens, for comparing range text. */
export function flat(text: string): string {
  return text
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The highlighted text inside the element with `id` (ranges joined in order), flattened. */
export async function highlightedIn(target: Target, id: string): Promise<string[]> {
  return (await highlightRanges(target)).filter((r) => r.ids.includes(id)).map((r) => flat(r.text));
}

/**
 * Polls until `predicate` holds for the highlight ranges (the content script
 * works asynchronously and time-sliced), then returns them; on timeout returns
 * the last ranges so the caller's assertion shows what was there.
 */
export async function waitForHighlights(
  target: Target,
  predicate: (ranges: HighlightRange[]) => boolean,
  timeout = 10_000,
): Promise<HighlightRange[]> {
  const deadline = Date.now() + timeout;
  let ranges = await highlightRanges(target);
  while (!predicate(ranges) && Date.now() < deadline) {
    await sleep(100);
    ranges = await highlightRanges(target);
  }
  return ranges;
}

/** Waits until the set of highlighted ranges has not changed for `quietMs`. */
export async function settle(target: Target, quietMs = 700, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = JSON.stringify(await highlightRanges(target));
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = JSON.stringify(await highlightRanges(target));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

/** The card the extension shows: `[role=dialog]` inside its open shadow root. */
export function card(target: Target): Locator {
  return target.locator('[role=dialog]');
}

export interface TextBox {
  /** Centre of the middle character of the occurrence, in the top page's viewport. */
  x: number;
  y: number;
  /** Bounding box of the whole occurrence, in the top page's viewport. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LocateOptions {
  /** Which occurrence (0-based) of the text; default the first. */
  nth?: number;
  /** Only look inside the element with this id (its shadow tree included). */
  within?: string;
  /** Scroll the occurrence to the middle of the viewport first (default true). */
  scroll?: boolean;
}

/**
 * Finds the `nth` occurrence of `text` in the rendered text of the page (text
 * nodes concatenated in tree order, open shadow roots included; script, style,
 * template, noscript, form fields, invisible elements and the extension's card
 * host skipped), scrolls it into view and returns its geometry.
 */
export async function locateText(
  target: Target,
  text: string,
  options: LocateOptions = {},
): Promise<TextBox> {
  const frameElement = 'parentFrame' in target ? await target.frameElement() : null;
  if (frameElement) await frameElement.scrollIntoViewIfNeeded();
  const found = await target.evaluate(
    ({ text, nth, within, scroll }) => {
      const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'TITLE']);
      const nodes: Text[] = [];
      const visit = (parent: Node) => {
        for (let child = parent.firstChild; child; child = child.nextSibling) {
          if (child instanceof Text) {
            nodes.push(child);
          } else if (child instanceof Element) {
            if (SKIP.has(child.tagName)) continue;
            if (!child.checkVisibility()) continue;
            const shadow = child.shadowRoot;
            if (shadow?.querySelector('[role=dialog]')) continue; // the extension's card host
            if (shadow) visit(shadow);
            visit(child);
          }
        }
      };
      let root: Node | null = document.body;
      if (within) {
        root = document.getElementById(within);
        if (!root) {
          for (const host of document.querySelectorAll('*')) {
            root = host.shadowRoot?.getElementById(within) ?? null;
            if (root) break;
          }
        }
      }
      if (!root) return `no element #${within}`;
      if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
      visit(root);
      const all = nodes.map((n) => n.data).join('');
      let index = -1;
      for (let i = 0; i <= nth; i++) {
        index = all.indexOf(text, index + 1);
        if (index < 0) return `only ${i} occurrence(s) of ${JSON.stringify(text)}`;
      }
      const at = (offset: number, end: boolean): [Text, number] => {
        let base = 0;
        for (const node of nodes) {
          const len = node.data.length;
          if (offset < base + len || (end && offset === base + len)) return [node, offset - base];
          base += len;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const rangeOf = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(...at(from, false));
        range.setEnd(...at(to, true));
        return range;
      };
      const whole = rangeOf(index, index + text.length);
      if (scroll) {
        const el = whole.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }
      // The middle character, skipping zero-width ones (soft hyphens, spaces at line ends).
      const mid = Math.floor(text.length / 2);
      let rect: DOMRect | undefined;
      for (let d = 0; d < text.length && !rect; d++) {
        for (const i of [mid + d, mid - d]) {
          if (i < 0 || i >= text.length) continue;
          const r = rangeOf(index + i, index + i + 1).getBoundingClientRect();
          if (r.width > 0 && r.height > 0) {
            rect = r;
            break;
          }
        }
      }
      if (!rect) return `${JSON.stringify(text)} is not rendered`;
      const box = whole.getBoundingClientRect();
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      };
    },
    { text, nth: options.nth ?? 0, within: options.within ?? '', scroll: options.scroll ?? true },
  );
  if (typeof found === 'string') throw new Error(`locateText: ${found}`);
  if (frameElement) {
    const [box, border] = await Promise.all([
      frameElement.boundingBox(),
      frameElement.evaluate((el) => [(el as Element).clientLeft, (el as Element).clientTop]),
    ]);
    if (!box) throw new Error('locateText: the frame is not rendered');
    const dx = box.x + border[0]!;
    const dy = box.y + border[1]!;
    return {
      x: found.x + dx,
      y: found.y + dy,
      left: found.left + dx,
      right: found.right + dx,
      top: found.top + dy,
      bottom: found.bottom + dy,
    };
  }
  return found;
}

function pageOf(target: Target): Page {
  return 'parentFrame' in target ? target.page() : target;
}

/** A point no fixture puts content on: the left margin, halfway down. */
export async function unhover(target: Target): Promise<void> {
  const page = pageOf(target);
  const height = page.viewportSize()?.height ?? 800;
  await page.mouse.move(2, Math.round(height / 2), { steps: 3 });
}

/**
 * Moves the pointer away and waits until no card is visible; a card that stays
 * (pinned by a click, opened by the keyboard) gets an Escape. Returns whether
 * the card is gone.
 */
export async function closeCard(target: Target): Promise<boolean> {
  const page = pageOf(target);
  const visible = card(target).first();
  await unhover(target);
  const hidden = () =>
    visible
      .waitFor({ state: 'hidden', timeout: CARD_CLOSE_TIMEOUT })
      .then(() => true)
      .catch(() => false);
  if (await hidden()) return true;
  await page.keyboard.press('Escape');
  return hidden();
}

export interface HoverOptions extends LocateOptions {
  /**
   * `true` (default): wait for a visible card and fail if none opens.
   * `false`: rest on the text long enough for one to open and report whether it did.
   */
  expectCard?: boolean;
}

export interface HoverResult extends TextBox {
  /** Whether a card was visible when the helper returned. */
  opened: boolean;
  /** How the card opened: on the rest (a marked mention), or by a click once revealed. */
  reached: 'rest' | 'click' | null;
  /** `Date.now()` when the pointer arrived and when the card became visible. */
  arrivedAt: number;
  openedAt: number;
}

/**
 * Rests the pointer on the middle of an occurrence of `text` and waits for a
 * card. Any card already open is closed first, so the result is about this text.
 */
export async function hover(
  target: Target,
  text: string,
  options: HoverOptions = {},
): Promise<HoverResult> {
  const page = pageOf(target);
  await page.bringToFront();
  if ((await card(target).first().isVisible()) && !(await closeCard(target))) {
    throw new Error(`hover(${JSON.stringify(text)}): a card stays open after leaving and Escape`);
  }
  const box = await locateText(target, text, options);
  // Approach from the left margin in a few steps, like a hand, and then rest.
  await page.mouse.move(Math.max(2, box.x - 40), box.y, { steps: 2 });
  await page.mouse.move(box.x, box.y, { steps: 4 });
  const arrivedAt = Date.now();
  const expectCard = options.expectCard ?? true;
  const visible = () => card(target).first().isVisible();
  // A marked mention opens on the rest; an unmarked one is only revealed under the pointer,
  // and the reader clicks it to open its card (README, "Using it").
  let opened = false;
  let reached: HoverResult['reached'] = null;
  const deadline = Date.now() + (expectCard ? CARD_OPEN_TIMEOUT : REST_TIMEOUT);
  while (Date.now() < deadline) {
    if (await visible()) {
      opened = true;
      reached = 'rest';
      break;
    }
    if ((await revealedCount(target)) > 0) {
      await page.mouse.click(box.x, box.y);
      reached = 'click';
      break;
    }
    await sleep(50);
  }
  if (!opened && reached === 'click') {
    opened = await card(target)
      .first()
      .waitFor({ state: 'visible', timeout: CARD_OPEN_TIMEOUT })
      .then(() => true)
      .catch(() => false);
  }
  if (!opened && expectCard) {
    throw new Error(
      `hover(${JSON.stringify(text)}): no card opened (${reached ?? 'nothing revealed'}) within ${CARD_OPEN_TIMEOUT} ms`,
    );
  }
  return {
    ...box,
    opened,
    reached: opened ? reached : null,
    arrivedAt,
    openedAt: opened ? Date.now() : 0,
  };
}

/** Longer than any hover delay tests use, before the pointer is taken to have rested. */
const REST_TIMEOUT = 1_500;

/** How many mentions are revealed under the pointer (an unmarked mention rested on). */
export async function revealedCount(target: Target): Promise<number> {
  return target.evaluate(() => CSS.highlights.get('backstory-revealed')?.size ?? 0);
}

/** The accessible name of the visible card (its `aria-label`). */
export async function cardLabel(target: Target): Promise<string | null> {
  return card(target).first().getAttribute('aria-label', { timeout: 2_000 });
}

/** `document.body.innerText` once the page has settled. */
export async function bodyText(target: Target): Promise<string> {
  return target.evaluate(() => document.body.innerText);
}

/**
 * A structural snapshot of the DOM (tags, attributes, text data; shadow roots
 * the page opened included) that leaves out the extension's card host, to
 * compare a page with and without the extension. The card host is an element
 * with a shadow root appended directly to `<html>` or `<body>` (no fixture puts
 * a shadow host of its own there), or one whose shadow root holds a dialog.
 */
export async function domSnapshot(target: Target): Promise<string> {
  return target.evaluate(() => {
    const isHost = (el: Element) =>
      Boolean(
        el.shadowRoot &&
        (el.parentElement === document.documentElement ||
          el.parentElement === document.body ||
          el.shadowRoot.querySelector('[role=dialog]')),
      );
    const out: string[] = [];
    const visit = (node: Node, depth: number) => {
      const pad = ' '.repeat(depth);
      if (node instanceof Text) {
        if (node.data.trim()) out.push(`${pad}#text ${JSON.stringify(node.data)}`);
        return;
      }
      if (!(node instanceof Element)) return;
      if (isHost(node)) return;
      const attrs = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`);
      out.push(`${pad}<${node.tagName.toLowerCase()} ${attrs.join(' ')}>`);
      if (node.shadowRoot) {
        out.push(`${pad} #shadow-root`);
        for (const child of node.shadowRoot.childNodes) visit(child, depth + 2);
      }
      for (const child of node.childNodes) visit(child, depth + 1);
    };
    visit(document.documentElement, 0);
    return out.join('\n');
  });
}

/** Tag names of the elements that look like the extension's card host (see `domSnapshot`). */
export async function cardHosts(target: Target): Promise<string[]> {
  return target.evaluate(() => {
    const isHost = (el: Element) =>
      Boolean(
        el.shadowRoot &&
        (el.parentElement === document.documentElement ||
          el.parentElement === document.body ||
          el.shadowRoot.querySelector('[role=dialog]')),
      );
    return [...document.querySelectorAll('*')].filter(isHost).map((el) => el.localName);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}
