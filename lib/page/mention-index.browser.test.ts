import { describe, expect, it } from 'vitest';
import type { Category } from '../catalog/category';
import type { PageContext } from '../match/evidence';
import { createMatcher } from '../match/matcher';
import { BlockCollector, readBlocksOf } from './collect';
import { MentionIndex } from './mention-index';

const matcher = createMatcher([
  { text: 'Amira Jadoon', entity: 'amira-jadoon', match: 'plain', evidence: 'strong' },
  { text: 'Jadoon', entity: 'amira-jadoon', match: 'plain', evidence: 'supported' },
  { text: 'ISIS-K', entity: 'isis-k', match: 'plain', evidence: 'strong' },
  { text: 'Kerman', entity: 'kerman', match: 'plain', evidence: 'strong' },
  { text: 'Kerman bombings', entity: 'kerman-bombings', match: 'plain', evidence: 'strong' },
]);
const entities: [string, Category, 1?][] = [
  ['amira-jadoon', 'person'],
  ['isis-k', 'group'],
  ['kerman', 'place', 1],
  ['kerman-bombings', 'event'],
];
const traits = [
  { broad: false },
  { broad: false },
  { broad: true },
  { broad: false, date: '2024-01-03' },
];

function setup(html: string, context: PageContext = { broadMode: 'topic' }) {
  document.body.innerHTML = html;
  const collector = new BlockCollector(document.body);
  while (!collector.next(() => false));
  return {
    blocks: collector.blocks,
    index: new MentionIndex(matcher, entities, (c) => readBlocksOf(c), traits, context),
  };
}

const ALWAYS: PageContext = { broadMode: 'always' };

const texts = (index: MentionIndex) =>
  [...index.mentions()].map((m) => `${m.range.toString()}${m.first ? '*' : ''}`);

describe('MentionIndex', () => {
  it('off topic, counts a supported alias only after a strong one, in page order even when matched out of order', () => {
    const { blocks, index } = setup(
      '<p>Jadoon spoke.</p><p>Amira Jadoon wrote.</p><p>Jadoon added.</p>',
    );
    for (const b of [...blocks].reverse()) index.add(b);
    index.resolve();
    expect(texts(index)).toEqual(['Amira Jadoon*', 'Jadoon']);
  });

  it('on topic, counts supported aliases anywhere and marks broad entities', () => {
    const { blocks, index } = setup(
      '<p>Jadoon spoke in Kerman.</p><p>Amira Jadoon wrote on ISIS-K.</p>',
    );
    for (const b of blocks) index.add(b);
    index.resolve();
    expect(texts(index)).toEqual(['Jadoon*', 'Kerman*', 'Amira Jadoon', 'ISIS-K*']);
  });

  it('marks broad entities as the setting says, and no event the page predates', () => {
    const { blocks, index } = setup('<p>Kerman, after the Kerman bombings.</p>');
    index.add(blocks[0]!);
    index.resolve();
    expect(texts(index)).toEqual(['Kerman bombings*']);
    index.setContext({ broadMode: 'always', pageDate: '2023-12-30' });
    index.resolve();
    expect(texts(index)).toEqual(['Kerman*']);
    index.setContext({ broadMode: 'never', pageDate: '2024-01' });
    index.resolve();
    expect(texts(index)).toEqual(['Kerman bombings*']);
  });

  it('finds the mention at a caret position, across inline markup', () => {
    const { blocks, index } = setup('<p>In <em>Ker</em>man today</p>', ALWAYS);
    index.add(blocks[0]!);
    index.resolve();
    const em = document.querySelector('em')!.firstChild!;
    expect(index.at(em, 1).map((m) => m.entity)).toEqual(['kerman']);
    const tail = document.querySelector('p')!.lastChild!;
    expect(index.at(tail, 5)).toEqual([]);
  });

  it('replaces a block read again and forgets blocks inside a subtree', () => {
    const { blocks, index } = setup(
      '<section><p>Kerman</p><p>ISIS-K</p></section><p>Kerman again</p>',
      ALWAYS,
    );
    for (const b of blocks) index.add(b);
    index.add(blocks[0]!);
    index.resolve();
    expect(texts(index)).toEqual(['Kerman*', 'ISIS-K*', 'Kerman']);
    index.removeWithin(document.querySelector('section')!);
    index.resolve();
    expect(texts(index)).toEqual(['Kerman*']);
    expect(index.blockCount).toBe(1);
  });

  it('keeps blocks in page order whatever order they are read in', () => {
    const n = 200;
    const { blocks, index } = setup(
      Array.from({ length: n }, (_, i) => `<p>ISIS-K ${i}</p>`).join(''),
    );
    // A fixed shuffle: blocks join at the start, at the end and in between.
    const order = blocks.map((b, i) => ({ b, key: (i * 7919) % n }));
    order.sort((x, y) => x.key - y.key);
    for (const { b } of order) index.add(b);
    index.resolve();
    const read = () => [...index.mentions()].map((m) => m.range.startContainer.parentElement);
    expect(read()).toEqual([...document.querySelectorAll('p')]);
    const middle = document.querySelectorAll('p')[120]!;
    index.removeWithin(middle);
    index.resolve();
    expect(read()).toEqual([...document.querySelectorAll('p')].filter((p) => p !== middle));
  });

  it('drops blocks whose text left the page', () => {
    const { blocks, index } = setup('<p id="a">Kerman</p><p>ISIS-K</p>');
    for (const b of blocks) index.add(b);
    document.getElementById('a')!.remove();
    index.prune();
    index.resolve();
    expect(texts(index)).toEqual(['ISIS-K*']);
  });

  it('passes over a block flagged clipped when choosing the first mention', () => {
    const { blocks, index } = setup('<p>ISIS-K in a hidden slide</p><p>ISIS-K, visible</p>');
    const [hidden] = blocks.map((b) => index.add(b));
    hidden!.clipped = true;
    index.resolve();
    expect(texts(index)).toEqual(['ISIS-K', 'ISIS-K*']);
  });
});
