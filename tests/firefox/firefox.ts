/**
 * Firefox smoke harness: a real Firefox ESR driven over WebDriver BiDi by puppeteer-core@24,
 * with the Firefox build (`npm run build:firefox`, .output/firefox-mv2) installed as a temporary
 * add-on (unsigned is fine). See docs/setup-notes.md: there is no geckodriver here and
 * Playwright's Firefox cannot be downloaded; puppeteer-core drives the system `firefox-esr`.
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startTrafficTrap } from '../e2e/harness';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Must be absolute: a relative path fails with NS_ERROR_FILE_UNRECOGNIZED_PATH. */
export const EXTENSION_DIR = resolve(ROOT, '.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface PageServer {
  url: string;
  /** Every path the server was asked for, in order. */
  served: string[];
  close(): Promise<void>;
}

/** Serves one HTML page at `/` on 127.0.0.1, on a free port; anything else is a 404. */
export async function servePage(html: string): Promise<PageServer> {
  const served: string[] = [];
  const server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  /** Requests Firefox tried to send off the machine (`GET http://host/path`, `CONNECT host:443`). */
  traffic: string[];
  close(): Promise<void>;
}

/** Launches headless Firefox (fresh temporary profile) and installs the built extension. */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const trap = await startTrafficTrap();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Puppeteer's own viewport emulation also sends emulation.setScreenOrientationOverride,
      // which Firefox 140 ESR does not know ("unknown command"): size the window instead.
      defaultViewport: null,
      args: ['--window-size=1024,768'],
      // MOZ_REMOTE_SETTINGS_DEVTOOLS lets the profile choose the remote-settings server (release
      // builds otherwise ignore the pref and look up Mozilla's host on every run); a data: URL,
      // as Playwright uses, means no lookup at all. Loopback (the test page) is never proxied.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        // Captive-portal and connectivity checks fetch detectportal.firefox.com.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': trap.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': trap.port,
      },
    });
    const extensionId = await browser.installExtension(EXTENSION_DIR);
    const launched = browser;
    return {
      browser: launched,
      extensionId,
      traffic: trap.log,
      close: async () => {
        await launched.close();
        await trap.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await trap.close();
    throw error;
  }
}
