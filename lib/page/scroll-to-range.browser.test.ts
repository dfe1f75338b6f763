import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scrollRangeIntoView } from './scroll-to-range';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('main');
  root.style.font = '16px/20px monospace';
  document.body.append(root);
  window.scrollTo(0, 0);
});

afterEach(() => {
  root.remove();
  window.scrollTo(0, 0);
});

function wordRange(text: Text, word: string): Range {
  const range = document.createRange();
  const at = text.data.indexOf(word);
  range.setStart(text, at);
  range.setEnd(text, at + word.length);
  return range;
}

const inViewport = (r: DOMRect) =>
  r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;

describe('scrollRangeIntoView', () => {
  it('brings a mention deep in a tall block on screen, not the block’s middle', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i}`);
    lines[200] = 'Kerman';
    root.innerHTML = `<p>${lines.join('<br>')}</p>`;
    const text = [...root.querySelector('p')!.childNodes].find(
      (n) => n.textContent === 'Kerman',
    ) as Text;
    const range = wordRange(text, 'Kerman');
    expect(inViewport(range.getBoundingClientRect())).toBe(false);
    scrollRangeIntoView(range);
    expect(inViewport(range.getBoundingClientRect())).toBe(true);
    const r = range.getBoundingClientRect();
    // Centred, give or take a line.
    expect(Math.abs((r.top + r.bottom) / 2 - innerHeight / 2)).toBeLessThan(25);
  });

  it('scrolls a scrolling box inside the page, and the page, across a shadow root', () => {
    root.innerHTML =
      '<div style="height: 1500px"></div><div id="box" style="height: 100px; width: 200px; overflow: auto"></div>';
    const box = root.querySelector('#box')!;
    const shadow = box.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div style="height: 900px"></div><p style="margin: 0">ISIS-K</p>';
    const range = wordRange(shadow.querySelector('p')!.firstChild as Text, 'ISIS-K');
    scrollRangeIntoView(range);
    expect(box.scrollTop).toBeGreaterThan(700);
    const r = range.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    expect(r.top).toBeGreaterThanOrEqual(b.top);
    expect(r.bottom).toBeLessThanOrEqual(b.bottom);
    expect(inViewport(r)).toBe(true);
  });

  it('leaves the page where it is when the mention is in view already', () => {
    root.innerHTML =
      '<div style="height: 300px"></div><p>Kabul</p><div style="height: 3000px"></div>';
    window.scrollTo(0, 100);
    const range = wordRange(root.querySelector('p')!.firstChild as Text, 'Kabul');
    scrollRangeIntoView(range);
    expect(scrollY).toBe(100);
  });
});
