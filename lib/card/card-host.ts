import { createLiveRegion } from './announcer';
import type { CardRenderer } from './card-renderer-api';

/** The card's shadow host: the same element on any page and in the reader. */
export const CARD_HOST = 'backstory-card';

/** Where the card lives: a container inside an open shadow root, created on first use. */
export interface CardMount {
  host: Element;
  container: HTMLElement;
  /** A polite live region beside the container (see announcer.ts). */
  live: HTMLElement;
  renderer: CardRenderer;
}

/** Inline !important beats even a page that forces styles on every element. */
const HOST_STYLE = {
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  display: 'block',
  visibility: 'visible',
  'z-index': '2147483647',
};

/** Elements whose children are not rendered: a card inside them would stay invisible. */
const REPLACED = new Set(['video', 'img', 'canvas', 'iframe', 'embed', 'object', 'audio']);

/**
 * Adds the card's host to `doc` (the content script on any page, and the reader): an
 * open shadow root with the renderer's stylesheet, the card's container and its live
 * region. The host leaves the page when `signal` aborts (the extension reloaded).
 */
export async function mountCardHost(
  doc: Document,
  loadRenderer: () => Promise<CardRenderer>,
  signal: AbortSignal,
): Promise<CardMount> {
  const renderer = await loadRenderer();
  const host = doc.createElement(CARD_HOST);
  for (const [prop, value] of Object.entries(HOST_STYLE)) {
    host.style.setProperty(prop, value, 'important');
  }
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = renderer.css;
  const container = doc.createElement('div');
  const live = createLiveRegion(doc);
  shadow.append(style, container, live);
  doc.documentElement.append(host);
  followFullscreen(host, doc, signal);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, container, live, renderer };
}

/**
 * Keeps the card's host where the reader can see it: while an element is in
 * fullscreen only that element's subtree is rendered (it is in the top layer), so
 * the host moves into it and back out afterwards.
 */
export function followFullscreen(host: Element, doc: Document, signal: AbortSignal): void {
  const home = host.parentNode;
  const place = () => {
    const full = doc.fullscreenElement;
    const into = full && !REPLACED.has(full.localName) ? full : home;
    if (into && host.parentNode !== into) into.appendChild(host);
  };
  doc.addEventListener('fullscreenchange', place, { signal });
  place();
}
