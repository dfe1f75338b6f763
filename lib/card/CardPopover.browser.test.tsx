import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCard } from '../test-support/card-fixture';
import { CardPopover } from './CardPopover';
import cardCss from './card.css?inline';
import popoverCss from './popover.css?inline';

let page: HTMLElement;
let host: HTMLElement;
let container: HTMLElement;

beforeEach(() => {
  page = document.createElement('main');
  page.style.font = '20px/1.5 sans-serif';
  document.body.append(page);
  host = document.createElement('backstory-card');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${cardCss}\n${popoverCss}`);
  shadow.adoptedStyleSheets = [sheet];
  container = document.createElement('div');
  shadow.append(container);
  window.scrollTo(0, 0);
});

afterEach(() => {
  render(null, container);
  host.remove();
  page.remove();
  document.documentElement.style.zoom = '';
  window.scrollTo(0, 0);
});

/** A mention at `top` px down the page, returned as its live range. */
function mentionAt(top: number): Range {
  page.innerHTML = `<div style="height: ${top}px"></div><p style="margin: 0">In <span>Kerman</span>, ISIS-K struck.</p><div style="height: 3000px"></div>`;
  const range = document.createRange();
  range.selectNodeContents(page.querySelector('span')!.firstChild!);
  return range;
}

function show(range: Range, focus = false): HTMLElement {
  render(
    <CardPopover
      data={testCard('kerman', 'Kerman', 'place')}
      anchor={{ range }}
      pinned={false}
      focus={focus}
      onSelectEntity={() => undefined}
      onOpenSource={() => undefined}
      onClose={() => undefined}
    />,
    container,
  );
  return container.querySelector<HTMLElement>('.bs-popover')!;
}

const placed = (el: HTMLElement) => el.style.visibility === 'visible';

describe('CardPopover', () => {
  it('floats below its mention, inside the viewport, never over the mention', async () => {
    const range = mentionAt(100);
    const popover = show(range);
    await expect.poll(() => placed(popover)).toBe(true);
    const m = range.getBoundingClientRect();
    const p = popover.getBoundingClientRect();
    expect(p.top).toBeGreaterThanOrEqual(m.bottom);
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.right).toBeLessThanOrEqual(innerWidth - 8);
    expect(p.bottom).toBeLessThanOrEqual(innerHeight - 8);
  });

  it('flips above a mention near the bottom of the viewport', async () => {
    const range = mentionAt(innerHeight - 60);
    const popover = show(range);
    await expect.poll(() => placed(popover)).toBe(true);
    const m = range.getBoundingClientRect();
    await expect.poll(() => popover.getBoundingClientRect().bottom).toBeLessThanOrEqual(m.top);
    expect(popover.getBoundingClientRect().top).toBeGreaterThanOrEqual(8);
  });

  it('follows its mention while the page scrolls', async () => {
    const range = mentionAt(200);
    const popover = show(range);
    await expect.poll(() => placed(popover)).toBe(true);
    const gap = () => popover.getBoundingClientRect().top - range.getBoundingClientRect().bottom;
    const before = gap();
    window.scrollBy(0, 120);
    await expect.poll(gap).toBeCloseTo(before, 0);
    expect(range.getBoundingClientRect().top).toBeLessThan(200 - 100);
  });

  it('takes focus into the card for the keyboard, and leaves it for the pointer', async () => {
    const range = mentionAt(100);
    const button = document.createElement('button');
    page.append(button);
    button.focus();
    show(range);
    await expect.poll(() => placed(container.querySelector('.bs-popover')!)).toBe(true);
    expect(document.activeElement).toBe(button);
    show(range, true);
    await expect.poll(() => host.shadowRoot!.activeElement?.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(host);
  });

  it('keeps its own size on a page that zooms itself', async () => {
    document.documentElement.style.zoom = '2';
    const range = mentionAt(50);
    const popover = show(range);
    await expect.poll(() => placed(popover)).toBe(true);
    expect(host.style.zoom).toBe('0.5');
    const m = range.getBoundingClientRect();
    expect(popover.getBoundingClientRect().top).toBeGreaterThanOrEqual(m.bottom);
  });
});
