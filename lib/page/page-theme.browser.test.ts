import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contrast, effectiveBackground, isDark, parseColor, pageTheme } from './page-theme';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
});

afterEach(() => {
  root.remove();
  document.documentElement.style.colorScheme = '';
});

const el = (id: string) => root.querySelector(`#${id}`) ?? root.querySelector('*')!;

describe('page theme', () => {
  it('reads computed colours, legacy and space-separated', () => {
    expect(parseColor('rgb(18, 18, 18)')).toEqual([18, 18, 18, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
  });

  it('reads the modern syntaxes a computed style may hold, through the browser', () => {
    root.innerHTML =
      '<p id="ok" style="background-color: oklch(0.2 0.02 260)">a</p>' +
      '<p id="p3" style="background-color: color(display-p3 1 1 1)">b</p>';
    const ok = getComputedStyle(el('ok')).backgroundColor;
    expect(ok).toMatch(/^oklch/);
    const [r, g, b, a] = parseColor(ok)!;
    expect(a).toBe(1);
    expect(Math.max(r, g, b)).toBeLessThan(40);
    expect(parseColor(getComputedStyle(el('p3')).backgroundColor)!.slice(0, 3)).toEqual([
      255, 255, 255,
    ]);
  });

  it('computes WCAG contrast', () => {
    expect(contrast([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
    // The review's red banner against white text.
    expect(contrast([176, 0, 32], [255, 255, 255])).toBeGreaterThan(6);
  });

  it('tells dark backgrounds from light ones where light and dark text contrast equally', () => {
    expect(isDark([18, 18, 18])).toBe(true);
    expect(isDark([11, 31, 77])).toBe(true);
    expect(isDark([176, 0, 32])).toBe(true);
    expect(isDark([244, 236, 216])).toBe(false);
    expect(isDark([255, 248, 197])).toBe(false);
  });

  it('composites translucent backgrounds up to the first opaque one', () => {
    root.innerHTML =
      '<div id="page" style="background-color: rgb(0, 0, 0)"><p id="tint" style="background-color: rgba(255, 255, 255, 0.5)"><span id="text">x</span></p></div><p id="plain">y</p>';
    expect(effectiveBackground(el('text')).map(Math.round)).toEqual([128, 128, 128]);
    expect(pageTheme(el('page'))).toBe('dark');
    expect(pageTheme(el('plain'))).toBe('light');
  });

  it('looks through background images and out of shadow roots to the host’s page', () => {
    root.innerHTML =
      '<div id="dark" style="background: rgb(20, 20, 40) linear-gradient(white, white)"><div id="host"></div></div>';
    const shadow = el('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Kabul</p>';
    expect(pageTheme(shadow.querySelector('p')!)).toBe('dark');
  });

  it('falls back to the canvas, dark only when the page asks for a dark scheme', () => {
    root.innerHTML = '<p id="bare">x</p>';
    expect(pageTheme(el('bare'))).toBe('light');
    document.documentElement.style.colorScheme = 'dark';
    expect(pageTheme(el('bare'))).toBe('dark');
  });
});
