import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rgb } from './page-theme';
import { markVariantOf } from './mark-contrast';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
});

afterEach(() => root.remove());

function rangeIn(selector: string): Range {
  const range = document.createRange();
  range.selectNodeContents(root.querySelector(selector)!.firstChild!);
  return range;
}

describe('markVariantOf', () => {
  it('draws light lines on a dark background, whatever colour syntax the page uses', () => {
    root.innerHTML =
      '<section style="background: oklch(0.2 0.05 260)"><p><span id="dark">Kabul</span></p></section>' +
      '<section style="background: #fdf6e3"><p id="light">Kerman</p></section>';
    const cache = new WeakMap<Element, Rgb>();
    expect(markVariantOf(rangeIn('#dark'), cache)).toEqual({ onDark: true, inLink: false });
    expect(markVariantOf(rangeIn('#light'), cache)).toEqual({ onDark: false, inLink: false });
  });

  it('goes over the text inside a link, so the link keeps its underline', () => {
    root.innerHTML =
      '<p>By <a href="/a"><b id="name">Amira Jadoon</b></a> and <a id="anchor">Kerman</a></p>';
    const cache = new WeakMap<Element, Rgb>();
    expect(markVariantOf(rangeIn('#name'), cache).inLink).toBe(true);
    // A named anchor without href is no link.
    expect(markVariantOf(rangeIn('#anchor'), cache).inLink).toBe(false);
  });

  it('shares the ancestors’ answers through the cache', () => {
    root.innerHTML = '<div id="page" style="background: rgb(10, 10, 10)"><p id="a">Kabul</p></div>';
    const cache = new WeakMap<Element, Rgb>();
    markVariantOf(rangeIn('#a'), cache);
    expect(cache.get(root.querySelector('#page')!)).toEqual([10, 10, 10]);
    expect(cache.get(root.querySelector('#a')!)).toEqual([10, 10, 10]);
  });
});
