import { afterEach, beforeEach } from 'vitest';

/** What a page module's browser test works on: new for each test, gone after it. */
export interface TestPage {
  /** A `<main>` in the document, for the test's markup. */
  root: HTMLElement;
  /** Aborted after the test, so whatever the module observes or listens to ends with it. */
  abort: AbortController;
}

export function testPage(): TestPage {
  const page: TestPage = { root: document.createElement('main'), abort: new AbortController() };
  beforeEach(() => {
    page.root = document.createElement('main');
    document.body.append(page.root);
    page.abort = new AbortController();
  });
  afterEach(() => {
    page.abort.abort();
    page.root.remove();
  });
  return page;
}
