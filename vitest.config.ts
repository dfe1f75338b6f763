import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BROWSER_TESTS = 'lib/**/*.browser.test.{ts,tsx}';
const FAKE_EXTENSION_APIS = fileURLToPath(
  new URL('./lib/test-support/fake-extension-apis.ts', import.meta.url),
);

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: [BROWSER_TESTS],
        },
      },
      {
        // Page modules and the card against real layout, styles and observers: Debian's
        // Chromium, headless; extension APIs (storage, messaging) faked in memory.
        resolve: { alias: { 'wxt/browser': FAKE_EXTENSION_APIS } },
        test: {
          setupFiles: [FAKE_EXTENSION_APIS],
          name: 'browser',
          include: [BROWSER_TESTS],
          // Hover intent and idle-time work need real time; on two busy cores a card can take
          // longer than expect.poll's default second to open. A wait, not a timed assertion.
          expect: { poll: { timeout: 5_000 } },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                // As root (CI and these machines), Chromium refuses to start without it.
                args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // Real Chromium with the built extension (.output/chrome-mv3): `npm run build` first.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One browser per file; files one after another so hover timing is not starved.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // After the unit tests, not alongside them.
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Real Firefox ESR with the Firefox build (.output/firefox-mv2): `npm run build:firefox` first.
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.firefox.ts'],
          environment: 'node',
          globalSetup: ['tests/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // After the Chromium end-to-end tests, so the two browsers do not compete for the CPU.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
