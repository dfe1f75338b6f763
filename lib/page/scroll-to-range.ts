/**
 * Scrolls a text range itself into view. `Element.scrollIntoView` on the mention's
 * parent centres the parent, which for a tall block (a `<br>`-separated post, a long
 * paragraph on a phone) leaves the mention far off screen; ranges have no such method.
 */

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function scrollsItself(el: Element): boolean {
  if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) return false;
  const { overflowX, overflowY } = getComputedStyle(el);
  return /auto|scroll|overlay/.test(overflowX + overflowY);
}

/** The distance to move `[start, end]` into `[lo, hi]`, centred, or 0 if it is inside already. */
function offsetToShow(start: number, end: number, lo: number, hi: number): number {
  if (start >= lo && end <= hi) return 0;
  return (start + end) / 2 - (lo + hi) / 2;
}

/** Each scrolling ancestor, then the viewport, scrolls just enough to centre the range. */
export function scrollRangeIntoView(range: Range): void {
  const doc = range.startContainer.ownerDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return;
  const start = range.startContainer;
  let el = start instanceof Element ? start : start.parentElement;
  for (; el; el = parentOf(el)) {
    // The document's own scroller is the viewport's, scrolled below.
    if (el === doc.scrollingElement || !scrollsItself(el)) continue;
    const r = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const top = box.top + el.clientTop;
    const left = box.left + el.clientLeft;
    el.scrollBy({
      top: offsetToShow(r.top, r.bottom, top, top + el.clientHeight),
      left: offsetToShow(r.left, r.right, left, left + el.clientWidth),
      behavior: 'instant',
    });
  }
  const r = range.getBoundingClientRect();
  const vv = view.visualViewport;
  const height = vv?.height ?? view.innerHeight;
  const width = vv?.width ?? view.innerWidth;
  view.scrollBy({
    top: offsetToShow(r.top, r.bottom, 0, height),
    left: offsetToShow(r.left, r.right, 0, width),
    behavior: 'instant',
  });
}
