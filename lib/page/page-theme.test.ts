import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { contrast, effectiveBackground, isDark, parseColor, pageTheme } from './page-theme';

describe('page theme', () => {
  it('reads computed colours, legacy and space-separated', () => {
    expect(parseColor('rgb(18, 18, 18)')).toEqual([18, 18, 18, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
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
    const window = new Window();
    const document = window.document as unknown as Document;
    document.body.innerHTML =
      '<div id="page" style="background-color: rgb(0, 0, 0)"><p id="tint" style="background-color: rgba(255, 255, 255, 0.5)"><span id="text">x</span></p></div><p id="plain">y</p>';
    const bg = effectiveBackground(document.getElementById('text')!);
    expect(bg.map(Math.round)).toEqual([128, 128, 128]);
    expect(pageTheme(document.getElementById('page')!)).toBe('dark');
    expect(pageTheme(document.getElementById('plain')!)).toBe('light');
  });
});
