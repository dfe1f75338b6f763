import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The data path, low to high: a folder of `lib/` may import only from folders
 * earlier in this list (folders on one line are siblings and do not import each
 * other). `lib/build` runs at build time only: nothing that ships may import it.
 * README.md, "Architecture", draws the same picture.
 */
const LAYERS = [
  ['bundle'],
  ['text'],
  ['catalog'],
  ['corpus'],
  ['kb'],
  ['match'],
  ['settings'],
  ['indexing', 'card', 'search'],
  ['library'],
  ['messaging'],
  ['page', 'capture'],
  ['popup', 'options', 'reader', 'background', 'content'],
];

const zones = LAYERS.flatMap((layer, i) =>
  layer.map((folder) => ({
    target: `./lib/${folder}`,
    from: [
      ...LAYERS.slice(i + 1).flat(),
      ...layer.filter((sibling) => sibling !== folder),
      'build',
    ].map((f) => `./lib/${f}`),
    message: `lib/${folder} sits lower on the data path (see LAYERS in eslint.config.js).`,
  })),
);

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'generated/', 'node_modules/', 'bench/.speedometer/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A promise nobody awaits fails silently: the user sees a page stuck on "loading" or a
    // button that did nothing. tsconfig.json (WXT's) covers every TypeScript file.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // act() with a synchronous callback flushes and throws before it returns: its promise
          // is already resolved. An un-awaited act(async …) is caught below.
          allowForKnownSafeCalls: [{ from: 'package', name: 'act', package: 'preact' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ExpressionStatement > CallExpression[callee.name="act"] > :function[async=true]',
          message: 'act(async …) returns the promise of the callback: await it.',
        },
      ],
    },
  },
  {
    // Preact's hooks follow React's rules; the React Compiler's rules do not apply.
    files: ['lib/**/*.tsx', 'entrypoints/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...zones,
            {
              target: './entrypoints',
              from: './lib/build',
              message: 'lib/build runs at build time only; nothing that ships imports it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The content script runs in every frame of every page; the card UI (Preact, the card,
    // Floating UI) loads from its own file on the first card (lib/card/card-ui-loader.lazy.ts).
    // One value import of it from here would put it back in every page.
    files: ['lib/page/**/*.ts', 'lib/card/card-host.ts', 'entrypoints/content/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'preact',
                'preact/*',
                '@floating-ui/*',
                '**/card/*.tsx',
                '**/card/EntityCard',
                '**/card/CardPopover',
                '**/card/card-renderer',
              ],
              allowTypeImports: true,
              message: 'The card UI loads lazily, on the first card: import its types only.',
            },
          ],
        },
      ],
    },
  },
);
