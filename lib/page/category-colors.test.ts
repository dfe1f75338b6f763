import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories, categoryColor, categoryInfo } from '../catalog/category';
import { highlightCss, highlightName, markVariants } from './highlighter';
import { contrast, type Rgb } from './page-theme';

/**
 * The mark a category gets on the page and the chip it gets on the card: one
 * colour, and the card's text on the chip stays readable in both themes. The
 * stylesheets are read as they ship (tokens.css and card.css).
 */

const css = (path: string) => readFileSync(join(import.meta.dirname, '..', path), 'utf8');
const tokens = css('styles/tokens.css');
const card = css('card/card.css');

const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as never;
const channels = (s: string): Rgb => s.split(' ').map(Number) as never;

function token(name: string): { light: Rgb; dark: Rgb } {
  const m = new RegExp(`--bs-${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(tokens);
  if (!m) throw new Error(`tokens.css has no light-dark() --bs-${name}`);
  return { light: hex(m[1]!), dark: hex(m[2]!) };
}

/** `color-mix(in srgb, cat p%, transparent)` over the card's background. */
const tint = (cat: Rgb, bg: Rgb, p: number): Rgb =>
  bg.map((b, i) => Math.round(b + (cat[i]! - b) * p)) as never;

const chipTint = (() => {
  const rule =
    /\.bs-category \{[^}]*color-mix\(in srgb, var\(--bs-cat\) (\d+)%, transparent\)/.exec(card);
  if (!rule) throw new Error('card.css: .bs-category has no color-mix tint');
  return Number(rule[1]) / 100;
})();

describe('a category’s colour on the page and on the card', () => {
  it('is the same for the mark (light and dark backgrounds) and the chip (light and dark card)', () => {
    const rules = highlightCss('every-element') + highlightCss('root');
    for (const c of categories) {
      const { light, dark } = categoryInfo[c].color;
      expect(categoryColor(c)).toBe(`light-dark(rgb(${light}), rgb(${dark}))`);
      for (const v of markVariants) {
        const name = highlightName(c, v).replace(/[-]/g, '\\-');
        for (const rule of rules.match(new RegExp(`::highlight\\(${name}\\) \\{[^}]*\\}`, 'g')) ??
          []) {
          expect(rule, highlightName(c, v)).toContain(`rgb(${v.onDark ? dark : light})`);
        }
        expect(rules.match(new RegExp(`::highlight\\(${name}\\) `, 'g'))).toHaveLength(2);
      }
    }
  });

  it('keeps the card’s text on the chip at 4.5 : 1 and its glyph and border at 3 : 1', () => {
    const bg = token('bg');
    const fg = token('fg');
    for (const c of categories) {
      for (const scheme of ['light', 'dark'] as const) {
        const cat = channels(categoryInfo[c].color[scheme]);
        const chip = tint(cat, bg[scheme], chipTint);
        expect(contrast(fg[scheme], chip), `${c} text, ${scheme}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(cat, chip), `${c} glyph, ${scheme}`).toBeGreaterThanOrEqual(3);
        expect(contrast(cat, bg[scheme]), `${c} border, ${scheme}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
