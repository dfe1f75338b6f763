import { describe, expect, it } from 'vitest';
import { readRange } from './scratch-range';
import { comparePlaces, entityStops, nextStop } from './stepping';

const page = document.createElement('main');
page.innerHTML = '<p>Putin Kerman Putin Taliban Kerman Zelin</p>';
document.body.append(page);
const text = page.firstChild!.firstChild as Text;

/** Mentions of the words of the paragraph, in page order, each with its range. */
const mentions = text.data.split(' ').reduce<{ entity: string; bounds: Range }[]>((out, word) => {
  const start = text.data.indexOf(word, out.length ? out.at(-1)!.bounds.endOffset : 0);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + word.length);
  return [...out, { entity: word, bounds: range }];
}, []);

const at = (i: number) => mentions[i]!.bounds;
const names = (list: { entity: string }[]) => list.map((m) => m.entity);

describe('keyboard stepping', () => {
  it('stops once per entity, at its first mention', () => {
    const stops = entityStops(mentions);
    expect(names(stops)).toEqual(['Putin', 'Kerman', 'Taliban', 'Zelin']);
    expect(stops[1]!.bounds).toBe(at(1));
  });

  it('moves to the next entity after the last card, skipping repeats', () => {
    const stops = entityStops(mentions);
    expect(nextStop(stops, at(1), 1, at(1))?.entity).toBe('Taliban');
    expect(nextStop(stops, at(1), -1, at(1))?.entity).toBe('Putin');
  });

  it('starts from a card that was not a stop (a repeat) without going backwards', () => {
    const stops = entityStops(mentions);
    // The last card was the second "Putin": next is Taliban, not Kerman again.
    expect(nextStop(stops, at(2), 1, at(2))?.entity).toBe('Taliban');
  });

  it('starts from a selection, a selected name first in either direction', () => {
    const stops = entityStops(mentions);
    const selection = document.createRange();
    selection.setStart(text, at(3).startOffset);
    selection.setEnd(text, at(3).endOffset);
    expect(nextStop(stops, selection, 1)?.entity).toBe('Taliban');
    expect(nextStop(stops, selection, -1)?.entity).toBe('Taliban');
    const caret = document.createRange();
    caret.setStart(text, at(4).startOffset);
    expect(nextStop(stops, caret, 1)?.entity).toBe('Zelin');
  });

  it('wraps around at either end', () => {
    const stops = entityStops(mentions);
    expect(nextStop(stops, at(5), 1, at(5))?.entity).toBe('Putin');
    expect(nextStop(stops, at(0), -1, at(0))?.entity).toBe('Zelin');
    expect(nextStop(stops, null, 1)?.entity).toBe('Putin');
    expect(nextStop([], null, 1)).toBeUndefined();
  });
});

describe('comparePlaces', () => {
  it('orders points inside a range the reused range last spanned', () => {
    readRange(document, at(5), () => undefined);
    readRange(
      document,
      new StaticRange({
        startContainer: text,
        startOffset: 0,
        endContainer: text,
        endOffset: text.length,
      }),
      () => undefined,
    );
    expect(comparePlaces({ node: text, offset: 2 }, { node: text, offset: 9 })).toBe(-1);
    expect(comparePlaces({ node: text, offset: 9 }, { node: text, offset: 2 })).toBe(1);
  });

  it('orders points across shadow trees by where their hosts sit', () => {
    const before = document.createElement('p');
    before.textContent = 'Kabul';
    const host = document.createElement('div');
    const after = document.createElement('p');
    after.textContent = 'Kerman';
    page.append(before, host, after);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>ISIS-K</p><p>Kabul</p>';
    const [first, second] = [...shadow.querySelectorAll('p')].map((p) => p.firstChild!);
    const at = (node: Node, offset = 0) => ({ node, offset });
    expect(comparePlaces(at(before.firstChild!), at(first!))).toBe(-1);
    expect(comparePlaces(at(first!), at(after.firstChild!))).toBe(-1);
    expect(comparePlaces(at(after.firstChild!), at(second!))).toBe(1);
    // Inside one shadow tree, the tree's own order.
    expect(comparePlaces(at(second!), at(first!))).toBe(1);
    expect(comparePlaces(at(first!, 1), at(first!, 1)) === 0).toBe(true);
    // The host itself comes before what its shadow tree holds.
    expect(comparePlaces(at(page, [...page.childNodes].indexOf(host)), at(first!))).toBe(-1);
  });
});
