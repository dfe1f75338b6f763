import { afterEach, describe, expect, it } from 'vitest';
import { readRange, scratchRange } from './scratch-range';

let p: HTMLParagraphElement;

/** A paragraph on the page, and a static range over `start`–`end` of its text. */
function staticOver(start: number, end: number): { text: Text; range: StaticRange } {
  p = document.createElement('p');
  p.textContent = 'In Kerman, ISIS-K struck.';
  document.body.append(p);
  const text = p.firstChild as Text;
  const range = new StaticRange({
    startContainer: text,
    startOffset: start,
    endContainer: text,
    endOffset: end,
  });
  return { text, range };
}

afterEach(() => p.remove());

describe('readRange', () => {
  it('reads a static range through the one reused live range', () => {
    const { range: kerman } = staticOver(3, 9);
    expect(readRange(document, kerman, (r) => r.toString())).toBe('Kerman');
    expect(readRange(document, kerman, (r) => r)).toBe(scratchRange(document));
    expect(readRange(document, kerman, (r) => r.getBoundingClientRect().width)).toBeGreaterThan(0);
  });

  it('reads nothing where the page has shortened the text since', () => {
    const { text, range: isis } = staticOver(11, 17);
    text.data = 'Kerman';
    expect(readRange(document, isis, (r) => [r.collapsed, r.getClientRects().length])).toEqual([
      true,
      0,
    ]);
  });
});
