import type { PageRunner } from './page-runner-api';
import { runPage } from './run-page';

/**
 * Firefox: addons.mozilla.org's linter rejects `import()` of a computed URL, so the
 * engine ships inside the content script there.
 */
export async function getPageRunner(): Promise<PageRunner> {
  return runPage;
}
