/**
 * A polite live region inside the card's shadow root (never in the page's own DOM),
 * so a screen reader hears which card opened from the keyboard without losing its place.
 */

/** Long enough for screen readers to notice a region that was just created. */
const SETTLE_MS = 150;

export function createLiveRegion(doc: Document): HTMLElement {
  const region = doc.createElement('div');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.className = 'bs-sr';
  return region;
}

export function announce(region: HTMLElement, text: string): void {
  region.textContent = '';
  setTimeout(() => (region.textContent = text), SETTLE_MS);
}
