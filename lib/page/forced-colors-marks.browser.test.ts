import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { MARKS_HOST, watchForcedColors } from './forced-colors-marks';
import { Highlighter } from './highlighter';

let root: HTMLElement;
let abort: AbortController;
let highlighter: Highlighter;

/** Chromium's own forced-colours emulation (DevTools' "Emulate CSS media feature forced-colors"). */
const forceColors = (on: boolean) =>
  cdp().send('Emulation.setEmulatedMedia', {
    features: on ? [{ name: 'forced-colors', value: 'active' }] : [],
  });

const host = () => document.querySelector(MARKS_HOST);
const bars = () => [...(host()?.shadowRoot?.children ?? [])] as HTMLElement[];

beforeEach(() => {
  root = document.createElement('main');
  root.style.font = '20px/1.5 sans-serif';
  root.innerHTML = '<p id="a">In Kerman</p><p id="b"><a href="#">Kabul</a></p>';
  document.body.append(root);
  abort = new AbortController();
  /** The block's last word: "Kerman", and "Kabul" inside its link. */
  const word = (p: string) => {
    const block = root.querySelector(`#${p}`)!;
    const text = (block.querySelector('a') ?? block).lastChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.lastIndexOf(' ') + 1);
    range.setEnd(text, text.data.length);
    return range;
  };
  highlighter = new Highlighter(CSS.highlights, (el) => [
    { category: 'place', range: word(el.id) },
  ]);
  const blocks = new Set([...root.querySelectorAll('p')]);
  highlighter.setMarked(blocks, blocks);
});

afterEach(async () => {
  abort.abort();
  highlighter.dispose();
  root.remove();
  await forceColors(false);
});

describe('marks in forced-colours mode', () => {
  it('take our highlights out of the registry and draw a line under each mark instead', async () => {
    watchForcedColors(document, abort.signal);
    expect(host()).toBeNull();
    await forceColors(true);
    await expect.poll(() => bars().length).toBe(2);
    expect(CSS.highlights.has('backstory-place')).toBe(false);
    expect(CSS.highlights.has('backstory-place-in-link')).toBe(false);
    const text = root.querySelector('#a')!.firstChild as Text;
    const r = document.createRange();
    r.setStart(text, 3);
    r.setEnd(text, 9);
    const kerman = r.getBoundingClientRect();
    const [under, over] = bars();
    expect(parseFloat(under!.style.left)).toBeCloseTo(kerman.left, 0);
    expect(parseFloat(under!.style.width)).toBeCloseTo(kerman.width, 0);
    expect(parseFloat(under!.style.top)).toBeCloseTo(kerman.bottom - 3, 0);
    expect(under!.style.borderTopColor.toLowerCase()).toBe('canvastext');
    // Inside a link the line goes over the text, in the link colour.
    expect(over!.style.borderTopColor.toLowerCase()).toBe('linktext');
  });

  it('draw in a layer the pointer goes through, and give the highlights back afterwards', async () => {
    watchForcedColors(document, abort.signal);
    await forceColors(true);
    await expect.poll(() => bars().length).toBe(2);
    expect(getComputedStyle(host()!).pointerEvents).toBe('none');
    expect(host()!.getAttribute('aria-hidden')).toBe('true');
    const b = bars()[0]!.getBoundingClientRect();
    expect(document.elementFromPoint(b.left + 2, b.top + 1)).not.toBe(host());
    await forceColors(false);
    await expect.poll(() => CSS.highlights.has('backstory-place')).toBe(true);
    expect(host()).toBeNull();
    expect([...CSS.highlights.get('backstory-place')!]).toHaveLength(1);
  });

  it('start drawing at once on a page opened in the mode, and stop when the page is left', async () => {
    await forceColors(true);
    watchForcedColors(document, abort.signal);
    expect(CSS.highlights.has('backstory-place')).toBe(false);
    await expect.poll(() => bars().length).toBe(2);
    abort.abort();
    expect(host()).toBeNull();
  });

  it('follow the marks when the page scrolls', async () => {
    root.insertAdjacentHTML('afterbegin', '<div style="height: 200px"></div>');
    root.insertAdjacentHTML('beforeend', '<div style="height: 3000px"></div>');
    watchForcedColors(document, abort.signal);
    await forceColors(true);
    await expect.poll(() => bars().length).toBe(2);
    const top = parseFloat(bars()[0]!.style.top);
    window.scrollBy(0, 100);
    await expect.poll(() => parseFloat(bars()[0]!.style.top)).toBeCloseTo(top - 100, 0);
    window.scrollTo(0, 0);
  });
});
