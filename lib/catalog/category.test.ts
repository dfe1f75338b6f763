import { describe, expect, it } from 'vitest';
import { categories, categoryColor, categoryInfo, categorySchema } from './category';

const CHANNELS = /^(\d{1,3}) (\d{1,3}) (\d{1,3})$/;
const fields = ['label', 'plural', 'glyph', 'line', 'color'] as const;

describe('categories', () => {
  it('gives every category every attribute, and nothing for a category that does not exist', () => {
    expect(Object.keys(categoryInfo).sort()).toEqual([...categories].sort());
    for (const c of categories) {
      const info = categoryInfo[c];
      expect(Object.keys(info).sort(), c).toEqual([...fields].sort());
      expect(info.label.trim(), c).not.toBe('');
      expect(info.plural.trim(), c).not.toBe('');
      expect(info.glyph, c).toMatch(/^M[\d.\s,MLHVCSQTAZhvlcsqtaz-]+$/);
      expect(['solid', 'double', 'dashed', 'dotted', 'wavy'], c).toContain(info.line);
      for (const tone of [info.color.light, info.color.dark]) {
        const m = CHANNELS.exec(tone);
        expect(m, `${c}: ${tone}`).not.toBeNull();
        for (const v of m!.slice(1)) expect(Number(v), c).toBeLessThanOrEqual(255);
      }
    }
  });

  it('tells categories apart by word, shape and colour', () => {
    const distinct = (pick: (c: (typeof categories)[number]) => string) =>
      new Set(categories.map(pick)).size;
    expect(distinct((c) => categoryInfo[c].label)).toBe(categories.length);
    expect(distinct((c) => categoryInfo[c].plural)).toBe(categories.length);
    expect(distinct((c) => categoryInfo[c].glyph)).toBe(categories.length);
    expect(distinct((c) => categoryInfo[c].color.light)).toBe(categories.length);
    expect(distinct((c) => categoryInfo[c].color.dark)).toBe(categories.length);
  });

  it('accepts exactly these categories in the catalog', () => {
    for (const c of categories) expect(categorySchema.safeParse(c).success).toBe(true);
    expect(categorySchema.safeParse('company').success).toBe(false);
  });

  it('writes the colour as one value that follows the colour scheme', () => {
    expect(categoryColor('group')).toBe('light-dark(rgb(185 28 28), rgb(254 202 202))');
  });
});
