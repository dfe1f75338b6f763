import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { writeKnowledgeBase } from './scripts/kb-files';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The KB is generated from corpus + catalog; rebuilding it here keeps `dev` and `build` honest.
    'build:before': async () => {
      await writeKnowledgeBase();
    },
  },
  manifest: {
    name: 'Backstory',
    description:
      'Sourced context cards for the people, groups, places and events in the news you read.',
    permissions: ['storage'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Open the card of the next mention on the page',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Open the card of the previous mention on the page',
      },
    },
  },
});
