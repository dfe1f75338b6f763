import { browser } from 'wxt/browser';
import { loadPageRunner, type PageRunner } from './page-runner-api';

/** Chrome: the engine is a separate file, imported once the page has settled. */
export function getPageRunner(): Promise<PageRunner> {
  return loadPageRunner(browser.runtime.getURL('/page-runner.js'));
}
