import { importLazy, publishLazy } from '../bundle/lazy-script';
import type { CardPopoverProps } from './CardPopover';

/**
 * The card UI (Preact, the card, Floating UI) is half the content script's weight
 * but most pages never show a card, so the content script loads it on the first
 * hover from a separate file. This module is what both sides share: no UI code.
 */
export interface CardRenderer {
  /** The card's stylesheet (tokens, card, popover), for the shadow root it renders into. */
  css: string;
  show(container: HTMLElement, props: CardPopoverProps): void;
  clear(container: HTMLElement): void;
}

/**
 * Dispatched on the card (cancelable) when Esc is pressed outside it: the card
 * closes its innermost layer and cancels the event, or leaves it for the caller.
 */
export const DISMISS_EVENT = 'backstory-dismiss';

const NAME = 'CardRenderer';

export function publishCardRenderer(renderer: CardRenderer): void {
  publishLazy(NAME, renderer);
}

/** Imports the card UI script at `url` (an extension URL) and returns its renderer. */
export async function loadCardRenderer(url: string): Promise<CardRenderer> {
  const renderer = (await importLazy(url, NAME)) as Partial<CardRenderer> | undefined;
  if (
    typeof renderer?.show !== 'function' ||
    typeof renderer.clear !== 'function' ||
    typeof renderer.css !== 'string'
  ) {
    throw new Error(`Backstory: the card UI at ${url} did not provide a renderer`);
  }
  return renderer as CardRenderer;
}
