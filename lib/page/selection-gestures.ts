/**
 * Telling a click that asks for a card from the gestures that select text: a drag,
 * a double or triple click, a shift-click. Those must neither open nor pin a card.
 */

import { readRange } from './scratch-range';

/** Farther than this between press and release, the pointer dragged (a selection), px. */
const DRAG_DISTANCE = 4;

export function isSelectionGesture(
  click: MouseEvent,
  press: { x: number; y: number } | null,
  selection: Selection | null,
): boolean {
  if (click.detail > 1 || click.shiftKey) return true;
  if (press && Math.hypot(click.clientX - press.x, click.clientY - press.y) > DRAG_DISTANCE) {
    return true;
  }
  return selection !== null && !selection.isCollapsed;
}

/** Whether the reader's selection overlaps `bounds` (text they are working with). */
export function selectionTouches(selection: Selection | null, bounds: AbstractRange): boolean {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  const selected = selection.getRangeAt(0);
  const at = bounds.startContainer;
  if (selected.startContainer.getRootNode() !== at.getRootNode()) return false;
  return readRange(
    at.ownerDocument ?? (at as Document),
    bounds,
    (range) =>
      selected.compareBoundaryPoints(selected.END_TO_START, range) < 0 &&
      selected.compareBoundaryPoints(selected.START_TO_END, range) > 0,
  );
}
