import { describe, expect, it } from 'vitest';
import { readRange, scratchRange } from './scratch-range';

describe('readRange', () => {
  it('reads a static range through the one reused live range', () => {
    const p = document.createElement('p');
    p.textContent = 'In Kerman, ISIS-K struck.';
    document.body.append(p);
    const text = p.firstChild as Text;
    const kerman = new StaticRange({
      startContainer: text,
      startOffset: 3,
      endContainer: text,
      endOffset: 9,
    });
    expect(readRange(document, kerman, (r) => r.toString())).toBe('Kerman');
    expect(readRange(document, kerman, (r) => r)).toBe(scratchRange(document));
    expect(readRange(document, kerman, (r) => r.getBoundingClientRect().width)).toBeGreaterThan(0);
    p.remove();
  });

  it('reads nothing where the page has shortened the text since', () => {
    const p = document.createElement('p');
    p.textContent = 'In Kerman, ISIS-K struck.';
    document.body.append(p);
    const text = p.firstChild as Text;
    const isis = new StaticRange({
      startContainer: text,
      startOffset: 11,
      endContainer: text,
      endOffset: 17,
    });
    text.data = 'Kerman';
    expect(readRange(document, isis, (r) => [r.collapsed, r.getClientRects().length])).toEqual([
      true,
      0,
    ]);
    p.remove();
  });
});
