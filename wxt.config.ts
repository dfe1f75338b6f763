import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { highlightCss, highlightScopeFor } from './lib/page/highlighter';
import { writeKnowledgeBase } from './scripts/kb-files';
import { preactWithoutRawHtml } from './scripts/preact-no-raw-html';
import { readabilityWithoutInnerHtml } from './scripts/readability-without-inner-html';

/**
 * Firefox add-on id. Firefox needs a stable id for storage and for signing (MV3 requires one);
 * `.invalid` is a reserved TLD, so it can never collide with a real domain.
 */
const GECKO_ID = 'backstory@backstory.invalid';

/**
 * 140: CSS Custom Highlight API (`CSS.highlights`, `Highlight`) and
 * `data_collection_permissions`. Everything else used is older (AbortSignal.any 124,
 * Intl.Segmenter 125, Set#union 127) or optional with a fallback: `scheduler.yield` (142),
 * `text-decoration` in `::highlight` (146; before that the tint alone marks a mention) and
 * `caretPositionFromPoint`'s `shadowRoots` option (150; before that mentions inside a page's
 * shadow roots are marked but do not open a card on hover).
 */
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

const HIGHLIGHT_CSS = 'content-scripts/highlights.css';

const DEBIAN_BROWSERS = { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };

/**
 * `npm run build:bench`: the production build plus the performance-timeline marks the
 * benchmark reads (lib/page/timeline.ts), in its own output folder. Not a separate Vite
 * mode: WXT and its dependencies run other code outside `production` mode.
 */
const BENCH = process.env.BACKSTORY_BENCH === '1';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(BENCH && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-bench' }),
  vite: ({ browser }) => ({
    plugins: [preact(), preactWithoutRawHtml(), readabilityWithoutInnerHtml()],
    define: { 'import.meta.env.BACKSTORY_MARKS': JSON.stringify(BENCH) },
    // lib/styles/tokens.css writes each colour once with light-dark(); lowered for older
    // browsers, a token would resolve once at :root/:host and ignore a card's own data-theme.
    build: { cssTarget: ['chrome123', 'firefox120'] },
    resolve: {
      alias: {
        // How the content script gets its engine and its card UI: lazily in Chrome, bundled
        // in Firefox.
        '#page-runner-loader': resolve(
          import.meta.dirname,
          `lib/content/page-runner-loader.${browser === 'firefox' ? 'bundled' : 'lazy'}.ts`,
        ),
        '#card-ui-loader': resolve(
          import.meta.dirname,
          `lib/card/card-ui-loader.${browser === 'firefox' ? 'bundled' : 'lazy'}.ts`,
        ),
        // How the content script reads a page for the library: a lazy file in Chrome, the
        // background page in Firefox (see lib/capture/page-extract.*.ts).
        '#page-extract': resolve(
          import.meta.dirname,
          `lib/capture/page-extract.${browser === 'firefox' ? 'remote' : 'lazy'}.ts`,
        ),
      },
    },
  }),
  webExt: {
    // Debian's browsers where installed (web-ext looks for Google Chrome by default).
    binaries: Object.fromEntries(
      Object.entries(DEBIAN_BROWSERS).filter(([, path]) => existsSync(path)),
    ),
    // As root (CI and these dev machines), Chromium refuses to start without it.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  hooks: {
    // The KB is generated from corpus + catalog; rebuilding it here keeps `dev` and `build` honest.
    'build:before': async () => {
      await writeKnowledgeBase();
    },
    // The ::highlight rules ship as manifest CSS: injected before the page's first style pass,
    // where adopting them later restyles the whole page. On the root where the browser
    // inherits highlight styles: rules matching every element slow every style pass.
    'build:publicAssets': (wxt, files) => {
      const css = highlightCss(highlightScopeFor(wxt.config.browser));
      files.push({ relativeDest: HIGHLIGHT_CSS, contents: css });
    },
    // Always at document_start: Firefox injects an entry's CSS when it runs the entry's
    // script (document_idle there), and a sheet added after the first style pass restyles
    // the whole page before its load event.
    'build:manifestGenerated': (_wxt, manifest) => {
      const scripts = manifest.content_scripts ?? [];
      const content = scripts.find((s) => s.js?.includes('content-scripts/content.js'));
      if (!content) throw new Error('wxt.config.ts: no content script to carry the highlight CSS');
      const { matches, all_frames } = content;
      if (content.run_at === 'document_start') content.css = [HIGHLIGHT_CSS];
      else scripts.push({ matches, all_frames, css: [HIGHLIGHT_CSS], run_at: 'document_start' });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Backstory',
    description:
      'Sourced context cards for the people, groups, places and events in the news you read.',
    permissions: ['storage', 'contextMenus'],
    // The engine, imported by the content script once a page settles (see page-runner-api.ts),
    // the card UI, imported on the first card (see card-renderer-api.ts), and the article
    // reader, imported when the reader adds a page (see extractor-api.ts).
    web_accessible_resources:
      manifestVersion === 2
        ? ['card-ui.js']
        : [
            {
              resources: ['page-runner.js', 'card-ui.js', 'library-extract.js'],
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
    commands: {
      // WXT converts `action` for MV2 (Firefox) but not the command that opens it.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the Backstory lookup',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Open the card of the next mention on the page',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Open the card of the previous mention on the page',
      },
      'add-page': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Add this page to your Backstory library',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          // Nothing leaves the browser: the knowledge base ships inside the extension.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
      },
    }),
  }),
  zip: {
    // `wxt zip -b firefox` also writes the sources zip AMO reviewers build from
    // (`npm ci && npm run zip:firefox`). WXT already leaves out dotfiles (.output, .wxt, .git,
    // .ci), node_modules and *.test.ts; generated/ is rebuilt from assets/ by `build:before`, and
    // the tests are not needed to build.
    excludeSources: [
      'generated/**',
      'bench/**',
      'tests/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'stats.html',
      '**/*.log',
    ],
  },
});
