import { z } from 'zod/mini';

/**
 * The kinds of entity, and everything that tells them apart wherever they show:
 * the catalog's field, the words for them, the mark on the page and the chip on
 * the card. The page's highlight CSS (lib/page/highlighter.ts, generated at build
 * time) and the card (lib/card/EntityCard.tsx) take their colours from here, so a
 * mark and its card always agree.
 */

export const categories = ['person', 'group', 'organization', 'media', 'place', 'event'] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

/** An sRGB colour as the three channels CSS's `rgb()` takes, e.g. `'29 78 216'`. */
type RgbChannels = `${number} ${number} ${number}`;

export interface CategoryInfo {
  /** On the card and in the popup ("Person"). */
  label: string;
  /** In the settings ("People"). */
  plural: string;
  /** An SVG path in a 12 × 12 box: one shape per category, so colour is never the only cue. */
  glyph: string;
  /** The mark's line on the page: a distinct style per category, for the same reason. */
  line: 'solid' | 'double' | 'dashed' | 'dotted' | 'wavy';
  /**
   * The category's colour on light and on dark backgrounds: the mark's line and tint
   * on the page, the chip's border, tint and glyph on the card. `light` keeps at least
   * 3 : 1 against white, sepia and pale tints, `dark` against near-black, navy, slate
   * and a red banner (tests/e2e/reading.e2e.ts measures both on real layouts); the
   * card's text on either chip keeps 4.5 : 1 (category.test.ts).
   */
  color: { light: RgbChannels; dark: RgbChannels };
}

export const categoryInfo: Record<Category, CategoryInfo> = {
  person: {
    label: 'Person',
    plural: 'People',
    glyph: 'M1 6a5 5 0 1 0 10 0a5 5 0 1 0-10 0Z',
    line: 'solid',
    color: { light: '29 78 216', dark: '191 219 254' },
  },
  group: {
    label: 'Group',
    plural: 'Groups',
    glyph: 'M6 1L11 11H1Z',
    line: 'double',
    color: { light: '185 28 28', dark: '254 202 202' },
  },
  organization: {
    label: 'Organization',
    plural: 'Organizations',
    glyph: 'M1.5 1.5h9v9h-9Z',
    line: 'dashed',
    color: { light: '109 40 217', dark: '221 214 254' },
  },
  media: {
    label: 'Media',
    plural: 'Media',
    glyph: 'M2 1L11 6L2 11Z',
    line: 'dotted',
    color: { light: '133 77 14', dark: '253 230 138' },
  },
  place: {
    label: 'Place',
    plural: 'Places',
    glyph: 'M6 0.5L11.5 6L6 11.5L0.5 6Z',
    line: 'wavy',
    color: { light: '4 120 87', dark: '167 243 208' },
  },
  event: {
    label: 'Event',
    plural: 'Events',
    glyph: 'M6 0.8L7.4 4.5L11.3 4.7L8.3 7.1L9.3 10.9L6 8.8L2.7 10.9L3.7 7.1L0.7 4.7L4.6 4.5Z',
    line: 'solid',
    color: { light: '190 24 93', dark: '251 207 232' },
  },
};

/** The category's colour as one CSS value that follows the element's `color-scheme`. */
export const categoryColor = (c: Category): string =>
  `light-dark(rgb(${categoryInfo[c].color.light}), rgb(${categoryInfo[c].color.dark}))`;
