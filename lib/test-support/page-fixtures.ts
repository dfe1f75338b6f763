import { categories } from '../catalog/category';
import type { MatcherData } from '../kb/schema';
import { matcherFromData, traitsFromData, withPackedTrie } from '../match/data';
import { BlockCollector, readBlocksOf } from '../page/collect';
import type { DisplayFilter } from '../page/engine';
import { MentionIndex } from '../page/mention-index';

/** A small knowledge base for the page modules' browser tests: a person, a group, two places. */
export const TEST_MATCHER: MatcherData = withPackedTrie({
  entities: [
    ['amira-jadoon', 'person'],
    ['isis-k', 'group'],
    ['kerman', 'place'],
    ['kabul', 'place'],
  ],
  aliases: [
    ['Amira Jadoon', 0, 'plain'],
    ['Jadoon', 0, 'plain', 'supported'],
    ['ISIS-K', 1, 'plain'],
    ['Kerman', 2, 'plain'],
    ['Kabul', 3, 'plain'],
  ],
  notEntities: [],
  dates: {},
});

/** Every category shown, with the given marking. */
export const showAll = (marking: DisplayFilter['marking']): DisplayFilter => ({
  marking,
  categories: Object.fromEntries(categories.map((c) => [c, true])) as DisplayFilter['categories'],
});

/** An empty index over TEST_MATCHER, reading blocks again as the engine does. */
export function testIndex(): MentionIndex {
  return new MentionIndex(
    matcherFromData(TEST_MATCHER),
    TEST_MATCHER.entities,
    (container) => readBlocksOf(container),
    traitsFromData(TEST_MATCHER),
    { broadMode: 'always' },
  );
}

/** Reads all of `root` into a fresh index at once, resolved. */
export function indexAll(root: Element): MentionIndex {
  const index = testIndex();
  const collector = new BlockCollector(root);
  while (!collector.next(() => false));
  for (const block of collector.blocks) index.add(block);
  index.resolve();
  return index;
}
