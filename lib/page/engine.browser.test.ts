import { describe, expect, it } from 'vitest';
import { PageEngine } from './engine';
import { HUGE_MUTATION } from './mutation-watch';
import { TEST_MATCHER, showAll } from '../test-support/page-fixtures';
import { testPage } from '../test-support/test-page';
import { rangeText } from '../../tests/support/range-text';

const page = testPage();

async function start(html: string): Promise<PageEngine> {
  page.root.innerHTML = html;
  const engine = new PageEngine({
    document,
    scope: page.root,
    matcherData: TEST_MATCHER,
    display: showAll('all'),
    adoptDocumentStyles: true,
    signal: page.abort.signal,
  });
  await engine.start();
  return engine;
}

const shown = (engine: PageEngine) =>
  engine.visibleMentions().map((m) => `${m.entity}:${m.range.toString()}`);

describe('PageEngine scan', () => {
  it('indexes every block, across inline markup, skipping hidden text', async () => {
    const engine = await start(
      '<p>In <em>Ker</em>man, ISIS-K struck.</p><p hidden>Kabul</p>' +
        '<p style="display:none">Kabul</p><p>Amira Jadoon wrote; Jadoon added.</p>',
    );
    expect(shown(engine)).toEqual([
      'kerman:Kerman',
      'isis-k:ISIS-K',
      'amira-jadoon:Amira Jadoon',
      'amira-jadoon:Jadoon',
    ]);
    expect(engine.getStats()).toMatchObject({ blocks: 2, mentions: 4, registeredRanges: 4 });
    const marked = [...CSS.highlights.get('backstory-person')!];
    expect(marked.map(rangeText)).toEqual(['Amira Jadoon', 'Jadoon']);
    // Static: a live range would slow every DOM change the page makes (scratch-range.ts).
    expect(marked.every((r) => r instanceof StaticRange)).toBe(true);
    expect(engine.getStats().viewportMarkedAt).not.toBeNull();
    expect(engine.getStats().indexedAt).not.toBeNull();
  });

  it('reads blocks far below the viewport too', async () => {
    const engine = await start(
      '<p>Kerman</p><div style="height: 5000px"></div><p>Kabul, far down</p>',
    );
    expect(shown(engine)).toEqual(['kerman:Kerman', 'kabul:Kabul']);
  });
});

describe('PageEngine mutations', () => {
  it('matches text rewritten in place again', async () => {
    const engine = await start('<p id="t">Toll: 90</p>');
    const text = page.root.querySelector('#t')!.firstChild as Text;
    text.data = 'Kerman toll: 91';
    await expect.poll(() => shown(engine)).toEqual(['kerman:Kerman']);
    text.data = 'Kabul toll: 92';
    await expect.poll(() => shown(engine)).toEqual(['kabul:Kabul']);
    expect(engine.visibleMentions()[0]!.range.startContainer).toBe(text);
  });

  it('takes a mark down as soon as its text is rewritten, and draws it again once read', async () => {
    const engine = await start('<p id="t">Kerman toll: 90</p>');
    const marks = () => [...CSS.highlights.get('backstory-place')!].map(rangeText);
    expect(marks()).toEqual(['Kerman']);
    const text = page.root.querySelector('#t')!.firstChild as Text;
    text.data = 'Toll: 91 in Kerman';
    // The observer's callback, in this turn: a static range would now cover "Toll: ".
    await Promise.resolve();
    expect(marks()).toEqual([]);
    await expect.poll(marks).toEqual(['Kerman']);
    expect(shown(engine)).toEqual(['kerman:Kerman']);
  });

  it('reads added blocks and forgets removed ones', async () => {
    const engine = await start('<ul><li>Kerman</li></ul>');
    const ul = page.root.querySelector('ul')!;
    const li = document.createElement('li');
    li.innerHTML = 'Then <strong>ISIS-K</strong>';
    ul.append(li);
    await expect.poll(() => shown(engine)).toEqual(['kerman:Kerman', 'isis-k:ISIS-K']);
    ul.firstElementChild!.remove();
    await expect.poll(() => shown(engine)).toEqual(['isis-k:ISIS-K']);
  });

  it('re-reads the block when inline markup inside it is removed', async () => {
    const engine = await start('<p>Ka<b>x</b>bul and Kerman</p>');
    expect(shown(engine)).toEqual(['kerman:Kerman']);
    page.root.querySelector('b')!.remove();
    await expect.poll(() => shown(engine)).toEqual(['kabul:Kabul', 'kerman:Kerman']);
  });

  it('applies the page-order rules to what is added before a known mention', async () => {
    const engine = await start('<p id="a">Jadoon spoke.</p>');
    expect(shown(engine)).toEqual([]);
    page.root
      .querySelector('#a')!
      .before(Object.assign(document.createElement('p'), { textContent: 'Amira Jadoon' }));
    await expect
      .poll(() => shown(engine))
      .toEqual(['amira-jadoon:Amira Jadoon', 'amira-jadoon:Jadoon']);
  });

  it('rescans once after a huge mutation', async () => {
    const engine = await start('<p>Kerman</p>');
    const fragment = document.createDocumentFragment();
    for (let i = 0; i <= HUGE_MUTATION; i++) {
      fragment.append(Object.assign(document.createElement('p'), { textContent: `Kabul ${i}` }));
    }
    page.root.replaceChildren(fragment);
    await expect
      .poll(() => engine.getStats().mentions, { timeout: 60_000 })
      .toBe(HUGE_MUTATION + 1);
    expect(shown(engine)).not.toContain('kerman:Kerman');
  });
});

describe('PageEngine hit-testing', () => {
  it('finds the mention under a point, and nothing beside it', async () => {
    const engine = await start(
      '<p style="font: 20px/1.5 monospace">Before <em>ISIS-K</em> and Kerman after</p>',
    );
    const mention = engine.visibleMentions().find((m) => m.entity === 'kerman')!;
    const r = mention.range.getBoundingClientRect();
    expect(engine.mentionAt(r.left + r.width / 2, r.top + r.height / 2)?.entity).toBe('kerman');
    const before = engine.visibleMentions()[0]!.range.getBoundingClientRect();
    expect(engine.mentionAt(before.left + 2, before.top + before.height / 2)?.entity).toBe(
      'isis-k',
    );
    expect(engine.mentionAt(r.right + 40, r.top + r.height / 2)).toBeUndefined();
  });

  it('hits a mention inside a link, in a block read again from its container', async () => {
    const engine = await start(
      '<header><p class="byline" style="font: 20px/1.5 monospace">By <a href="#">Amira Jadoon</a> · <time>2024-03</time></p></header>',
    );
    const mention = engine.visibleMentions()[0]!;
    const r = mention.range.getBoundingClientRect();
    expect(engine.mentionAt(r.left + r.width / 2, r.top + r.height / 2)?.entity).toBe(
      'amira-jadoon',
    );
  });

  it('steps through mentions in page order and wraps around', async () => {
    const engine = await start('<p>Kerman</p><p>Kabul</p>');
    const first = engine.visibleMentions()[0]!;
    const second = engine.step(first, 1)!;
    expect([first.entity, second.entity, engine.step(second, 1)!.entity]).toEqual([
      'kerman',
      'kabul',
      'kerman',
    ]);
    expect(engine.step(first, -1)!.entity).toBe('kabul');
  });
});
