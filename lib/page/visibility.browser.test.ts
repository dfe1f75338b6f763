import { describe, expect, it } from 'vitest';
import type { MentionIndex } from './mention-index';
import { indexAll } from '../test-support/page-fixtures';
import { testPage } from '../test-support/test-page';
import { isClipped, settleFirstMentions } from './visibility';

const page = testPage();

const el = (id: string) => page.root.querySelector(`#${id}`)!;

describe('isClipped', () => {
  it('is false for text the reader sees, and for text below the fold', () => {
    page.root.innerHTML =
      '<p id="seen">Kerman</p><div style="height: 3000px"></div><p id="below">Kabul</p>';
    expect(isClipped(el('seen'))).toBe(false);
    expect(isClipped(el('below'))).toBe(false);
  });

  it('is true for hidden, transparent and zero-size boxes', () => {
    page.root.innerHTML =
      '<p id="invisible" style="visibility: hidden">a</p>' +
      '<p id="transparent" style="opacity: 0">b</p>' +
      '<div style="content-visibility: hidden"><p id="skipped">c</p></div>' +
      '<p id="empty" style="height: 0; overflow: hidden; margin: 0">d</p>';
    for (const id of ['invisible', 'transparent', 'skipped', 'empty']) {
      expect(isClipped(el(id)), id).toBe(true);
    }
  });

  it('is true for text parked off screen to the left or above', () => {
    page.root.innerHTML =
      '<p id="left" style="position: absolute; left: -9999px">a</p>' +
      '<p id="above" style="position: absolute; top: -9999px">b</p>';
    expect(isClipped(el('left'))).toBe(true);
    expect(isClipped(el('above'))).toBe(true);
  });

  it('is true for a carousel slide scrolled sideways out of its track, false for the one shown', () => {
    page.root.innerHTML =
      '<div style="width: 300px; overflow-x: auto; white-space: nowrap">' +
      '<div id="shown" style="display: inline-block; width: 300px">Kerman</div>' +
      '<div id="next" style="display: inline-block; width: 300px">Kabul</div></div>';
    expect(isClipped(el('shown'))).toBe(false);
    expect(isClipped(el('next'))).toBe(true);
  });

  it('is true outside a box that hides its overflow, false in a vertical scroller', () => {
    page.root.innerHTML =
      '<div style="height: 40px; overflow: hidden"><p style="margin: 0; height: 40px">a</p><p id="cut">b</p></div>' +
      '<div style="height: 40px; overflow-y: auto"><p style="margin: 0; height: 40px">a</p><p id="scrolls">c</p></div>';
    expect(isClipped(el('cut'))).toBe(true);
    expect(isClipped(el('scrolls'))).toBe(false);
  });
});

describe('settleFirstMentions', () => {
  const indexOf = () => indexAll(page.root);

  const firsts = (index: MentionIndex) =>
    [...index.mentions((_, first) => first)].map((m) => (m.record.container as HTMLElement).id);

  it('moves the first mention past hidden slides to the first one the reader can see', async () => {
    page.root.innerHTML =
      '<p id="slide1" style="opacity: 0">Kerman</p>' +
      '<p id="slide2" style="position: absolute; left: -5000px">Kerman</p>' +
      '<p id="body">Kerman</p>';
    const index = indexOf();
    expect(firsts(index)).toEqual(['slide1']);
    expect(await settleFirstMentions(index, { signal: page.abort.signal })).toBe(true);
    expect(firsts(index)).toEqual(['body']);
  });

  it('reads each block once across calls, and stops when aborted', async () => {
    page.root.innerHTML = '<p id="a">Kerman</p><p id="b">Kerman</p>';
    const index = indexOf();
    await settleFirstMentions(index, { signal: page.abort.signal });
    expect(firsts(index)).toEqual(['a']);
    // Hidden after the check: remembered as seen, not read again.
    (el('a') as HTMLElement).style.opacity = '0';
    await settleFirstMentions(index, { signal: page.abort.signal });
    expect(firsts(index)).toEqual(['a']);
    const fresh = indexOf();
    page.abort.abort();
    expect(await settleFirstMentions(fresh, { signal: page.abort.signal })).toBe(false);
  });
});
