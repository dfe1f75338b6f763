import { publishPageRunner } from '@/lib/content/page-runner-api';
import { runPage } from '@/lib/content/run-page';

// Imported by Chrome's content script once the page has settled, into the content script's
// world. Firefox bundles the engine into the content script (see page-runner-loader.bundled.ts).
export default defineUnlistedScript({
  exclude: ['firefox'],
  main: () => publishPageRunner(runPage),
});
