import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { isSelectionGesture, selectionTouches } from './selection-gestures';

let root: HTMLElement;
let text: Text;
let clicks: MouseEvent[];
let press: { x: number; y: number } | null;
const onClick = (e: MouseEvent) => clicks.push(e);
const onDown = (e: PointerEvent) => (press = { x: e.clientX, y: e.clientY });

beforeEach(() => {
  root = document.createElement('main');
  root.style.font = '20px/1.5 monospace';
  root.innerHTML = '<p>Investigators say <span>Vladimir Putin</span> spoke.</p>';
  document.body.append(root);
  text = root.querySelector('p')!.firstChild as Text;
  clicks = [];
  press = null;
  document.addEventListener('click', onClick, true);
  document.addEventListener('pointerdown', onDown, true);
});

afterEach(() => {
  document.removeEventListener('click', onClick, true);
  document.removeEventListener('pointerdown', onDown, true);
  document.getSelection()!.removeAllRanges();
  root.remove();
});

const click = (init: { detail?: number; shiftKey?: boolean }) =>
  new MouseEvent('click', { clientX: 100, clientY: 50, detail: 1, ...init });

function rangeOf(node: Node, from: number, to: number): Range {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  return range;
}

function select(range: Range): Selection {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('selection gestures', () => {
  it('a real click in place is no gesture', async () => {
    await userEvent.click(root.querySelector('span')!);
    expect(clicks).toHaveLength(1);
    expect(isSelectionGesture(clicks[0]!, press, document.getSelection())).toBe(false);
  });

  it('a real double click is one, and it selects the word', async () => {
    await userEvent.dblClick(root.querySelector('span')!);
    const second = clicks.at(-1)!;
    expect(second.detail).toBe(2);
    expect(isSelectionGesture(second, press, document.getSelection())).toBe(true);
    expect(document.getSelection()!.isCollapsed).toBe(false);
  });

  it('triple clicks, shift-clicks and drags are', () => {
    expect(isSelectionGesture(click({ detail: 3 }), null, null)).toBe(true);
    expect(isSelectionGesture(click({ shiftKey: true }), null, null)).toBe(true);
    expect(isSelectionGesture(click({}), { x: 40, y: 50 }, null)).toBe(true);
    expect(isSelectionGesture(click({}), { x: 102, y: 52 }, null)).toBe(false);
  });

  it('a click that leaves a selection is one', () => {
    expect(isSelectionGesture(click({}), null, select(rangeOf(text, 0, 13)))).toBe(true);
  });

  it('knows when the selection overlaps a mention', () => {
    const name = root.querySelector('span')!.firstChild!;
    const putin = rangeOf(name, 0, 14);
    expect(selectionTouches(select(rangeOf(text, 0, 13)), putin)).toBe(false);
    expect(selectionTouches(select(rangeOf(root.querySelector('p')!, 0, 2)), putin)).toBe(true);
    expect(selectionTouches(select(rangeOf(name, 9, 14)), putin)).toBe(true);
    const after = root.querySelector('p')!.lastChild!;
    expect(selectionTouches(select(rangeOf(after, 0, 6)), putin)).toBe(false);
    document.getSelection()!.removeAllRanges();
    expect(selectionTouches(document.getSelection(), putin)).toBe(false);
  });

  it('a selection in another tree (a shadow root) does not touch the mention', () => {
    const host = document.createElement('div');
    root.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Vladimir Putin</p>';
    const inShadow = host.shadowRoot!.querySelector('p')!.firstChild!;
    const putin = rangeOf(root.querySelector('span')!.firstChild!, 0, 14);
    expect(selectionTouches(select(rangeOf(inShadow, 0, 14)), putin)).toBe(false);
  });
});
