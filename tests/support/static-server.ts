/**
 * The one static server of the tests and the bench: pages held in memory and the
 * files of a folder, on 127.0.0.1, with `cache-control: no-store`.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { listenOnLoopback } from './loopback';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
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

export interface ServeOptions {
  /** Pages by path (`/news.html`, `/`), answered before any file; served as HTML. */
  pages?: ReadonlyMap<string, string | Buffer>;
  /** A folder whose files are served; a path ending in `/` serves its index.html. */
  dir?: string;
  /** Added to every successful response. */
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  url(path: string): string;
  /** Every path the server was asked for, in order. */
  served: string[];
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<StaticServer> {
  const root = options.dir === undefined ? null : resolve(options.dir);
  const served: string[] = [];
  const server = createServer((req, res) => {
    (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      served.push(pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const ok = (type: string, body: string | Buffer) => {
        res.writeHead(200, {
          'content-type': type,
          'cache-control': 'no-store',
          ...options.headers,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const page = options.pages?.get(pathname);
      if (page !== undefined) return ok(CONTENT_TYPES['.html']!, page);
      if (root !== null) {
        const file = normalize(
          join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname),
        );
        if (file !== root && !file.startsWith(root + sep)) {
          res.writeHead(403).end();
          return;
        }
        try {
          if ((await stat(file)).isFile()) {
            const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
            return ok(type, await readFile(file));
          }
        } catch {
          // No such file: a 404 below.
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })().catch((error: unknown) => {
      // A malformed path (decodeURIComponent) or a failed read: answer rather than hang the test.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  const { port, close } = await listenOnLoopback(server);
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: (path) => `${origin}/${path.replace(/^\//, '')}`, served, close };
}
