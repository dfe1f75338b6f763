/**
 * What every benchmark shares: a server on 127.0.0.1 and a headless Chromium with
 * or without the built extension, one tab each.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/**
 * `npm run build:bench`: the production build plus the timeline marks the bench
 * reads. BACKSTORY_EXTENSION points at another build (an older commit's, for a baseline).
 */
export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION
  ? resolve(process.env.BACKSTORY_EXTENSION)
  : join(ROOT, '.output/chrome-mv3-bench');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

export const log = (...parts: unknown[]) => console.error('[bench]', ...parts);
export const sleep = (t: number) => new Promise((ok) => setTimeout(ok, t));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Server {
  origin: string;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) and, for other paths, the files under `dir`. */
export async function serve(pages: Map<string, string>, dir?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let body: string | Buffer | undefined = pages.get(path);
    let type = TYPES['.html']!;
    if (body === undefined && dir) {
      const file = join(dir, normalize(path.endsWith('/') ? `${path}index.html` : path));
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        body = readFileSync(file);
        type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      }
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

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
  viewport?: { width: number; height: number };
}

/** One persistent context, with or without the extension, holding a single tab. */
export async function launch(
  withExtension: boolean,
  options: LaunchOptions = {},
): Promise<Browser> {
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXTENSION_DIR}: run \`npm run build:bench\` first.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
  // Load a copy: a build running meanwhile rewrites .output under a live browser.
  const extension = withExtension ? join(dir, 'extension') : null;
  if (extension) await cp(EXTENSION_DIR, extension, { recursive: true });
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (extension)
    args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: options.viewport ?? VIEWPORT,
    // Playwright's default switches include --disable-extensions.
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : undefined,
  });
  if (extension && context.serviceWorkers().length === 0) {
    await context.waitForEvent('serviceworker', { timeout: 30_000 });
  }
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = context.pages()[0] ?? (await context.newPage());
  for (const extra of context.pages().slice(1)) await extra.close();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    extensionDir: extension,
    context,
    page,
    cdp,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
