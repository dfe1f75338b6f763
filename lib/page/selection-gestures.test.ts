import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { isSelectionGesture, selectionTouches } from './selection-gestures';

const window = new Window();
const document = window.document as unknown as Document;
document.body.innerHTML = '<p>Investigators say Vladimir Putin spoke.</p>';
const text = document.body.firstChild!.firstChild as Text;

const click = (init: { detail?: number; shiftKey?: boolean }) =>
  new window.MouseEvent('click', {
    clientX: 100,
    clientY: 50,
    detail: 1,
    ...init,
  }) as unknown as MouseEvent;

function rangeOf(from: number, to: number): Range {
  const range = document.createRange();
  range.setStart(text, from);
  range.setEnd(text, to);
  return range;
}

function select(from: number, to: number): Selection {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeOf(from, to));
  return selection;
}

describe('selection gestures', () => {
  it('a plain click in place is no gesture', () => {
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    expect(isSelectionGesture(click({}), { x: 101, y: 51 }, selection)).toBe(false);
  });

  it('double and triple clicks, shift-clicks and drags are', () => {
    expect(isSelectionGesture(click({ detail: 2 }), null, null)).toBe(true);
    expect(isSelectionGesture(click({ detail: 3 }), null, null)).toBe(true);
    expect(isSelectionGesture(click({ shiftKey: true }), null, null)).toBe(true);
    expect(isSelectionGesture(click({}), { x: 40, y: 50 }, null)).toBe(true);
  });

  it('a click that leaves a selection is one', () => {
    expect(isSelectionGesture(click({}), null, select(0, 13))).toBe(true);
  });

  it('knows when the selection overlaps a mention', () => {
    const putin = rangeOf(18, 32);
    expect(selectionTouches(select(0, 13), putin)).toBe(false);
    expect(selectionTouches(select(0, 20), putin)).toBe(true);
    expect(selectionTouches(select(18, 32), putin)).toBe(true);
    expect(selectionTouches(select(32, 38), putin)).toBe(false);
  });
});
