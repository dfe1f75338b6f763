import type { KnipConfig } from 'knip';

/** Unused files, exports and dependencies (`npm run lint`). WXT's entrypoints, the vitest projects and their setup files are found by knip's plugins. */
const config: KnipConfig = {
  entry: [
    'scripts/*.{ts,mjs}',
    // wxt.config.ts picks these by browser through the #page-runner-loader, #card-ui-loader
    // and #page-extract aliases.
    'lib/content/page-runner-loader.bundled.ts',
    'lib/card/card-ui-loader.bundled.ts',
    'lib/capture/page-extract.remote.ts',
    // Loaded by Chromium as an unpacked extension (tests/e2e/harness.e2e.ts), not imported.
    'tests/e2e/probe-extension/*.js',
  ],
  project: ['**/*.{ts,tsx,js,mjs}'],
  ignoreDependencies: [
    // Read from node_modules by path and injected into pages: tests/e2e/axe.e2e.ts, bench/static-tiers.ts.
    'axe-core',
    'mark.js',
  ],
};

export default config;
