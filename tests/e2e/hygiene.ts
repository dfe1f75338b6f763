/**
 * What a run must not do, recorded as it happens: console errors and uncaught
 * errors anywhere in the browser context, requests off the fixture server, and
 * traffic that tried to leave the machine.
 */
import type { BrowserContext, ConsoleMessage } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The page URL the request came from, or `service-worker:URL`. */
  from: string;
}

/** Console errors and uncaught page errors, from pages, frames and service workers. */
export function recordConsoleErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const where = (msg: ConsoleMessage) => {
    const page = msg.page();
    if (page) return page.url();
    const worker = msg.worker();
    return worker ? `worker:${worker.url()}` : '?';
  };
  context.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      errors.push(`[${where(msg)}] ${msg.text()} (${loc.url}:${loc.lineNumber})`);
    }
  });
  context.on('weberror', (err) => {
    errors.push(`[${err.page()?.url() ?? '?'}] uncaught: ${err.error().message}`);
  });
  return errors;
}

/** Every request the context makes (pages, frames, content scripts, service worker). */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
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
  return requests;
}

const ALLOWED_SCHEMES = ['chrome-extension:', 'data:', 'blob:', 'about:'];

/** Requests to anything but `origin` and the extension's own files. */
export function foreignRequests(requests: RecordedRequest[], origin: string): RecordedRequest[] {
  return requests.filter(
    (r) =>
      !r.url.startsWith(origin + '/') &&
      !ALLOWED_SCHEMES.some((scheme) => r.url.startsWith(scheme)),
  );
}

/**
 * Chromium's own calls home, which its switches do not all stop (seen here:
 * sign-in, component/extension update checks, autofill, the GCM check-in of
 * android.clients.google.com): the browser's, not the extension's, whose requests
 * Playwright attributes to a page or worker.
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

/** A traffic-trap line (`GET http://host/…`, `CONNECT host:443`) that is Chromium's own. */
export function isChromiumOwnTraffic(line: string): boolean {
  const target = line.split(' ')[1] ?? '';
  const host = target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, '');
  return CHROMIUM_OWN_HOSTS.includes(host);
}
