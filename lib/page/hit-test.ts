/**
 * Which text lies under a viewport point. `caretPositionFromPoint` is the standard
 * (Chromium 128, Firefox 20); its `shadowRoots` option reaches into open shadow trees
 * (Chromium 128, Firefox 150). Older Chromium has only the non-standard
 * `caretRangeFromPoint`, which cannot be told which shadow roots to enter.
 */

export interface CaretPosition {
  node: Node;
  offset: number;
}

type CaretPositionFromPoint = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => { offsetNode: Node; offset: number } | null;

export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): CaretPosition | null {
  const fromPoint = (doc as { caretPositionFromPoint?: CaretPositionFromPoint })
    .caretPositionFromPoint;
  if (typeof fromPoint === 'function') {
    const pos = fromPoint.call(doc, x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether `(x, y)` falls on one of the range's line boxes (with a pixel of slack). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}
