import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categories, type Category } from '../catalog/category';
import {
  Highlighter,
  REVEAL_HIGHLIGHT,
  adoptHighlightStyles,
  highlightCss,
  highlightName,
  markVariants,
} from './highlighter';
import type { Mark } from './mention-index';
import { rangeText } from '../../tests/support/range-text';

let root: HTMLElement;
let highlighter: Highlighter;
/** What `marksOf` was asked for, in order: marks are made only for blocks near the viewport. */
let asked: string[];

const SPACER = '<div style="height: 4000px"></div>';

/** Each block's marks: its whole text, as the category its data-category names. */
function marksOf(container: Element): Mark[] {
  asked.push(container.id);
  const range = document.createRange();
  range.selectNodeContents(container.querySelector('[data-category]') ?? container);
  const category = (container.querySelector('[data-category]') as HTMLElement | null)?.dataset
    .category as Category | undefined;
  return [{ category: category ?? 'place', range }];
}

const marked = (name: string) => [...(CSS.highlights.get(name) ?? [])].map(rangeText);

const blocks = (...ids: string[]) => new Set(ids.map((id) => root.querySelector(`#${id}`)!));

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
  asked = [];
  highlighter = new Highlighter(CSS.highlights, marksOf);
  window.scrollTo(0, 0);
});

afterEach(() => {
  highlighter.dispose();
  root.remove();
  window.scrollTo(0, 0);
});

describe('highlight styles', () => {
  it.each(['root', 'every-element'] as const)(
    'are valid CSS, a rule for every category and variant, and the reveal (%s)',
    (scope) => {
      const on = scope === 'root' ? ':root' : '';
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss(scope));
      const selectors = [...sheet.cssRules].map((r) => (r as CSSStyleRule).selectorText);
      expect(selectors).toHaveLength(categories.length * markVariants.length + 1);
      expect(selectors).toContain(
        `${on}::highlight(${highlightName('place', { onDark: true, inLink: true })})`,
      );
      expect(selectors).toContain(`${on}::highlight(${REVEAL_HIGHLIGHT})`);
      for (const rule of sheet.cssRules) {
        const style = (rule as CSSStyleRule).style;
        expect(style.backgroundColor, rule.cssText).not.toBe('');
        expect(style.textDecorationLine, rule.cssText).toMatch(/underline|overline/);
      }
    },
  );

  it('on the root, reach text in links and in shadow trees (Chromium inherits highlight styles)', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(highlightCss('root'));
    const undo = adoptHighlightStyles(document, sheet);
    try {
      root.innerHTML = '<p>Kabul and <a href="#x"><em>Kerman</em></a></p><div id="host"></div>';
      const shadow = root.querySelector('#host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p><span>Moscow</span></p>';
      const name = highlightName('place');
      const tint = (el: Element) => getComputedStyle(el, `::highlight(${name})`).backgroundColor;
      const expected = tint(root.querySelector('p')!);
      expect(expected).not.toBe('rgba(0, 0, 0, 0)');
      expect(tint(root.querySelector('em')!)).toBe(expected);
      expect(tint(shadow.querySelector('span')!)).toBe(expected);
    } finally {
      undo();
    }
  });

  it('are adopted without adding a node, and taken back', () => {
    const sheet = new CSSStyleSheet();
    const host = document.createElement('div');
    root.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const before = shadow.childNodes.length;
    const undo = adoptHighlightStyles(shadow, sheet);
    expect(shadow.adoptedStyleSheets).toContain(sheet);
    expect(shadow.childNodes.length).toBe(before);
    undo();
    expect(shadow.adoptedStyleSheets).not.toContain(sheet);
  });
});

describe('Highlighter', () => {
  it('registers one highlight per category and variant, and removes them on dispose', () => {
    for (const c of categories) {
      for (const v of markVariants) expect(CSS.highlights.has(highlightName(c, v))).toBe(true);
    }
    highlighter.dispose();
    expect(CSS.highlights.has(highlightName('person'))).toBe(false);
  });

  it('paints the blocks it is told are near at once, and the others only when they come near', async () => {
    root.innerHTML = `<p id="a">Kerman</p>${SPACER}<p id="b">Kabul</p>`;
    highlighter.setMarked(blocks('a', 'b'), blocks('a'));
    expect(marked('backstory-place')).toEqual(['Kerman']);
    expect(highlighter.registeredCount).toBe(1);
    root.querySelector('#b')!.scrollIntoView();
    await expect.poll(() => marked('backstory-place')).toEqual(['Kabul']);
    expect(asked).toEqual(['a', 'b']);
  });

  it('marks what the observer reports in view, without being told', async () => {
    root.innerHTML = `<p id="a">Kerman</p>${SPACER}<p id="b">Kabul</p>`;
    highlighter.setMarked(blocks('a', 'b'));
    await expect.poll(() => marked('backstory-place')).toEqual(['Kerman']);
    expect(asked).toEqual(['a']);
  });

  it('draws each mark in the variant of where it sits: in a link, on a dark background', () => {
    root.innerHTML =
      '<p id="link"><a href="#"><span data-category="person">Amira Jadoon</span></a></p>' +
      '<div style="background: #111"><p id="dark"><span data-category="group">ISIS-K</span></p></div>';
    highlighter.setMarked(blocks('link', 'dark'), blocks('link', 'dark'));
    expect(marked('backstory-person-in-link')).toEqual(['Amira Jadoon']);
    expect(marked('backstory-group-on-dark')).toEqual(['ISIS-K']);
    expect(marked('backstory-person')).toEqual([]);
  });

  it('replaces what is marked, reading a restyled background afresh', () => {
    root.innerHTML = '<p id="a">Kerman</p><p id="b">Kabul</p>';
    highlighter.setMarked(blocks('a', 'b'), blocks('a', 'b'));
    expect(marked('backstory-place').sort()).toEqual(['Kabul', 'Kerman']);
    root.style.background = 'black';
    highlighter.setMarked(blocks('b'));
    expect(marked('backstory-place')).toEqual([]);
    expect(marked('backstory-place-on-dark')).toEqual(['Kabul']);
    highlighter.setMarked(new Set());
    expect(highlighter.registeredCount).toBe(0);
  });
});
