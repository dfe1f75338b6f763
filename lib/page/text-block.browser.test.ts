import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTextBlock, positionAt, rangeFor } from './text-block';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
});

afterEach(() => root.remove());

function textNodes(el: Node): Text[] {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  while (walker.nextNode()) out.push(walker.currentNode as Text);
  return out;
}

describe('text blocks', () => {
  it('concatenate their text nodes and map offsets back to them', () => {
    root.innerHTML = '<p>By <em>Sanaullah</em> Ghafari, in Kabul</p>';
    const p = root.querySelector('p')!;
    const block = makeTextBlock(p, textNodes(p));
    expect(block.text).toBe('By Sanaullah Ghafari, in Kabul');
    expect(block.starts).toEqual([0, 3, 12]);
    expect(positionAt(block, 5)).toEqual({ node: block.nodes[1], offset: 2 });
  });

  it('make a live range across inline markup that reads as the text and lays out as it', () => {
    root.innerHTML = '<p>By <em>Sanaullah</em> Ghafari, in Kabul</p>';
    const p = root.querySelector('p')!;
    const block = makeTextBlock(p, textNodes(p));
    const range = rangeFor(block, 3, 20);
    expect(range.toString()).toBe('Sanaullah Ghafari');
    expect(range.getClientRects().length).toBeGreaterThanOrEqual(2);
    // A seam: the name starts in the <em>, not at the end of "By ".
    expect(range.startContainer).toBe(block.nodes[1]);
    expect(range.endContainer).toBe(block.nodes[2]);
    block.nodes[1]!.data = 'Amira';
    expect(range.toString()).toBe('Amira Ghafari');
  });

  it('never start a range at the end of an empty node', () => {
    root.innerHTML = '<p>ISIS-K<span></span></p>';
    const p = root.querySelector('p')!;
    const empty = document.createTextNode('');
    const after = document.createTextNode('Kerman');
    p.querySelector('span')!.append(empty, after);
    const block = makeTextBlock(p, textNodes(p));
    const range = rangeFor(block, 6, 12);
    expect(range.startContainer).toBe(after);
    expect(range.toString()).toBe('Kerman');
    expect(rangeFor(block, 0, 6).endContainer).toBe(block.nodes[0]);
  });
});
