/**
 * Keeps the card's host where the reader can see it: while an element is in
 * fullscreen only that element's subtree is rendered (it is in the top layer), so
 * the host moves into it and back out afterwards.
 */

/** Elements whose children are not rendered: a card inside them would stay invisible. */
const REPLACED = new Set(['video', 'img', 'canvas', 'iframe', 'embed', 'object', 'audio']);

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
