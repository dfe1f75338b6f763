import { beforeEach, describe, expect, it } from 'vitest';
import { BlockCollector, isOutOfBounds, nearestBlock, readBlocksOf } from './collect';
import { positionAt, rangeFor } from './text-block';

function collect(html: string, exclude?: (el: Element) => boolean) {
  document.body.innerHTML = html;
  const collector = new BlockCollector(document.body, { exclude });
  while (!collector.next(() => false));
  return collector.blocks;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('BlockCollector', () => {
  it('joins inline markup into one block per paragraph', () => {
    const blocks = collect(
      '<p>Before <em>Sanaullah</em> Ghafari, <a href="#">ISIS-K</a>’s leader.</p><p>Next</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual([
      'Before Sanaullah Ghafari, ISIS-K’s leader.',
      'Next',
    ]);
    expect(blocks[0]!.nodes).toHaveLength(5);
  });

  it('splits text around nested blocks and line breaks', () => {
    const blocks = collect('<div>Kerman<p>Moscow</p>Kabul<br>Kandahar</div>');
    expect(blocks.map((b) => b.text)).toEqual(['Kerman', 'Moscow', 'Kabul', 'Kandahar']);
  });

  it('skips editable, hidden and non-text content', () => {
    const blocks = collect(`
      <p>Shown ISIS-K</p>
      <textarea>Taliban</textarea><input value="Kerman">
      <div contenteditable="true">Moscow</div>
      <script>var x = "Putin";</script><style>.Putin{}</style><template><p>Kabul</p></template>
      <noscript>Kabul</noscript>
      <p hidden>Hidden Kerman</p><p style="display:none">None Kerman</p>
      <p><span style="visibility:hidden">Invisible Kerman</span> visible</p>
    `);
    expect(blocks.map((b) => b.text.trim())).toEqual(['Shown ISIS-K', 'visible']);
  });

  it('leaves out the extension’s own UI', () => {
    const blocks = collect(
      '<p>Page</p><backstory-card><p>Card ISIS-K</p></backstory-card>',
      (el) => el.localName === 'backstory-card',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Page']);
  });

  it('reads open shadow roots as their own blocks', () => {
    document.body.innerHTML = '<p>Light</p><x-widget></x-widget>';
    const host = document.querySelector('x-widget')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow Kerman</p>';
    const seen: ShadowRoot[] = [];
    const collector = new BlockCollector(document.body, { onShadowRoot: (r) => seen.push(r) });
    while (!collector.next(() => false));
    expect(collector.blocks.map((b) => b.text)).toEqual(['Light', 'Shadow Kerman']);
    expect(seen).toHaveLength(1);
  });

  it('reads a container’s own blocks again exactly as the whole walk did', () => {
    document.body.innerHTML =
      '<div id="c">Kerman <em>and</em> Kabul<p>Moscow <b>x</b></p>after<br>Kandahar<x-w></x-w>end</div>';
    document.querySelector('x-w')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow</p>';
    const all = new BlockCollector(document.body);
    while (!all.next(() => false));
    const container = document.getElementById('c')!;
    const whole = all.blocks.filter((b) => b.container === container);
    const again = readBlocksOf(container);
    expect(whole.map((b) => b.text)).toEqual(['Kerman and Kabul', 'after', 'Kandahar', 'end']);
    expect(again.map((b) => b.text)).toEqual(whole.map((b) => b.text));
    expect(again.map((b) => b.nodes)).toEqual(whole.map((b) => b.nodes));
    expect(again.every((b) => b.container === container)).toBe(true);
  });

  it('can stop and resume between slices', () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i}</p>`).join(
      '',
    );
    const collector = new BlockCollector(document.body);
    let slices = 0;
    while (!collector.next(() => true)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(collector.blocks).toHaveLength(50);
  });
});

describe('text block offsets', () => {
  it('maps block offsets to the text nodes that hold them', () => {
    const [block] = collect('<p>Before <em>Sanaullah</em> Ghafari.</p>');
    expect(positionAt(block!, 7)).toMatchObject({ offset: 0 });
    expect(positionAt(block!, 7).node.data).toBe('Sanaullah');
    expect(positionAt(block!, 16, true).node.data).toBe('Sanaullah');
    const range = rangeFor(block!, 7, 24);
    expect(range.toString()).toBe('Sanaullah Ghafari');
  });
});

describe('where changed text lies', () => {
  it('is out of bounds in an editor, a hidden or invisible subtree, a script or our own UI', () => {
    document.body.innerHTML =
      '<div contenteditable><p id="edit">a</p></div>' +
      '<div style="visibility: hidden"><p id="invisible">b</p></div>' +
      '<div style="content-visibility: hidden"><p id="skipped">c</p></div>' +
      '<div hidden><p id="hidden">d</p></div>' +
      '<div class="ours"><p id="ours">e</p></div>' +
      '<p id="shown">f <span style="display: contents" id="contents">g</span></p>';
    const ours = (el: Element) => el.classList.contains('ours');
    const at = (id: string) => isOutOfBounds(document.getElementById(id)!, ours);
    for (const id of ['edit', 'invisible', 'skipped', 'hidden', 'ours'])
      expect(at(id), id).toBe(true);
    expect(at('shown')).toBe(false);
    expect(at('contents')).toBe(false);
  });

  it('belongs to the nearest ancestor laid out as a block', () => {
    document.body.innerHTML =
      '<article><p id="p">In <em><b id="b">Kerman</b></em></p><span id="loose">Kabul</span></article>';
    const article = document.querySelector('article')!;
    expect(nearestBlock(document.getElementById('b')!)).toBe(document.getElementById('p'));
    expect(nearestBlock(document.getElementById('loose')!, article)).toBe(article);
  });
});
