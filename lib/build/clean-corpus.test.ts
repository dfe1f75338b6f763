import { describe, expect, it } from 'vitest';
import { cleanSeed } from './clean-corpus';

const meta = { title: 'Moscow rampage reveals reach', authors: ['Baria Alamuddin'] };

function texts(raw: string): string[] {
  return cleanSeed(raw, meta).map((b) => b.text);
}

const REPORTING = 'ISIS-K recruited the four gunmen, U.S. officials said.';

describe('cleanSeed', () => {
  it.each([
    ['ad markers', '[ad_1]\n' + REPORTING + '\n[ad_2]'],
    ['"Source link"', REPORTING + '\nSource link'],
    ['the weather widget', '29.6 C\nNew York\n' + REPORTING],
    [
      'the repeated headline',
      'Moscow rampage reveals reach\n\nMoscow rampage reveals reach\n' + REPORTING,
    ],
    [
      '"Related articles" and "Recent articles"',
      REPORTING + '\nRelated articles\n\nRecent articles',
    ],
    ['the comment counter', REPORTING + '\nview 29 comments'],
    [
      'the disclaimer block',
      REPORTING +
        '\nDisclaimer\nSome of the posts we share are controversial.\nWe strongly encourage a critical approach.\nWe would be glad to have your feedback.',
    ],
    ['"Buy Me A Coffee"', REPORTING + '\nBuy Me A Coffee'],
    [
      'the source credit',
      REPORTING + '\nSource: UnHerd Read the original article here: https://unherd.com/',
    ],
    ['the "Source »" credit', REPORTING + '\nSource » arabnews.com'],
    ['a bare URL line', 'https://arab.news/24wxg\n' + REPORTING],
    ['the mid-text author line', REPORTING + '\nBaria Alamuddin\nThe Taliban fought back.'],
    [
      'the wire copyright line',
      REPORTING + '\nThe-CNN-Wire™ & © 2024 Cable News Network, Inc. All rights reserved.',
    ],
  ])('removes %s and keeps the reporting', (_kind, raw) => {
    const out = texts(raw);
    expect(out[0]).toBe(REPORTING);
    expect(out.join('\n')).not.toMatch(
      /ad_|Source|29\.6|Related|comments|Disclaimer|feedback|Coffee|https?:|Baria|©/,
    );
  });

  it('removes the wire dateline but keeps the sentence', () => {
    expect(texts('CNN — (CNN) — The threat from ISIS may have appeared to be waning.')).toEqual([
      'The threat from ISIS may have appeared to be waning.',
    ]);
  });

  it('removes a pull quote that repeats a paragraph', () => {
    const paragraph =
      'The Gaza crisis has been exploited. Images of mutilated babies, shattered families and levelled cities are perfect recruitment fodder.';
    const pull =
      'Images of mutilated babies, shattered families and levelled cities in Gaza are perfect recruitment fodder.';
    expect(texts(`${REPORTING}\n${pull}\n${paragraph}`)).toEqual([REPORTING, paragraph]);
  });

  it('keeps short sub-headings as headings and the author bio as text', () => {
    const blocks = cleanSeed(
      `${REPORTING}\nthreat to europe\nWhy is ISIL attacking Russia?\n• Baria Alamuddin is an award-winning journalist.`,
      meta,
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: REPORTING },
      { kind: 'heading', text: 'threat to europe' },
      { kind: 'heading', text: 'Why is ISIL attacking Russia?' },
      { kind: 'paragraph', text: 'Baria Alamuddin is an award-winning journalist.' },
    ]);
  });
});
