import { browser } from 'wxt/browser';
import { loadCardRenderer, type CardRenderer } from './card-renderer-api';

/** Chrome: the card UI is a separate file, imported on the first card. */
export function getCardRenderer(): Promise<CardRenderer> {
  return loadCardRenderer(browser.runtime.getURL('/card-ui.js'));
}
