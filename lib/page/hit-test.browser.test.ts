import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caretAt, rangeContainsPoint } from './hit-test';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('main');
  root.style.font = '20px/1.5 monospace';
  document.body.append(root);
});

afterEach(() => root.remove());

/** The middle of the `index`-th character of `text`, in viewport coordinates. */
function middleOf(text: Text, index: number): { x: number; y: number } {
  const range = document.createRange();
  range.setStart(text, index);
  range.setEnd(text, index + 1);
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

describe('caretAt', () => {
  it('finds the text node and offset under a point', () => {
    root.innerHTML = '<p>In Kerman, <em>ISIS-K</em> struck.</p>';
    const text = root.querySelector('p')!.firstChild as Text;
    const { x, y } = middleOf(text, 4);
    const pos = caretAt(document, x, y)!;
    expect(pos.node).toBe(text);
    expect([4, 5]).toContain(pos.offset);
    const em = root.querySelector('em')!.firstChild as Text;
    expect(caretAt(document, middleOf(em, 2).x, middleOf(em, 2).y)!.node).toBe(em);
  });

  it('enters the open shadow roots it is given, and only those', () => {
    const host = document.createElement('div');
    root.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Amira Jadoon</p>';
    const text = shadow.querySelector('p')!.firstChild as Text;
    const { x, y } = middleOf(text, 6);
    expect(caretAt(document, x, y, [shadow])!.node).toBe(text);
    expect(caretAt(document, x, y)!.node).not.toBe(text);
  });
});

describe('rangeContainsPoint', () => {
  it('is true on each line box of a range that wraps, false beside it', () => {
    root.style.width = '12ch';
    root.innerHTML = '<p>Kerman is a city in Iran</p>';
    const text = root.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, text.length);
    const lines = [...range.getClientRects()];
    expect(lines.length).toBeGreaterThan(1);
    for (const r of lines) {
      expect(rangeContainsPoint(range, r.left + r.width / 2, r.top + r.height / 2)).toBe(true);
    }
    const last = lines.at(-1)!;
    expect(rangeContainsPoint(range, last.right + 30, last.top + last.height / 2)).toBe(false);
    const word = document.createRange();
    word.setStart(text, 0);
    word.setEnd(text, 6);
    const w = word.getBoundingClientRect();
    expect(rangeContainsPoint(word, w.right + 0.5, w.top + 1)).toBe(true);
    expect(rangeContainsPoint(word, w.left + 2, w.bottom + 5)).toBe(false);
  });
});
