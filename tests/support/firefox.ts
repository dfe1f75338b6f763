/**
 * Firefox harness (the Firefox tests and the bench): a real Firefox ESR driven over WebDriver
 * BiDi by puppeteer-core@24, with the Firefox build (`npm run build:firefox`,
 * .output/firefox-mv2) installed as a temporary add-on (unsigned is fine), or without it. There
 * is no geckodriver here and Playwright's Firefox cannot be downloaded
 * (../shared/docs/setup-notes.md); puppeteer-core drives the system `firefox-esr`.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from './paths';
import { startTrafficTrap } from './traffic-trap';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on's id (null when launched without it). */
  extensionId: string | null;
  /** Requests Firefox tried to send off the machine (`GET http://host/path`, `CONNECT host:443`). */
  traffic: string[];
  close(): Promise<void>;
}

/** Launches headless Firefox (fresh temporary profile) and installs the built extension unless told not to. */
export async function launchFirefox({ extension = true } = {}): Promise<FirefoxWithExtension> {
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
    const extensionId = extension ? await browser.installExtension(FIREFOX_EXTENSION_DIR) : null;
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
