import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The extension APIs (storage, messaging) in memory, for tests that run in a real
 * browser page, where there are none. WXT's own mock (`WxtVitest`) cannot be used
 * there: it imports WXT's build tooling, which does not bundle for the browser.
 * Set up before any test module runs (storage reads the globals on import) and
 * stands in for `wxt/browser`.
 */
// Chromium's own `chrome` cannot be replaced; `browser` with a runtime id is read first.
vi.stubGlobal('browser', fakeBrowser);

export const browser = fakeBrowser;
