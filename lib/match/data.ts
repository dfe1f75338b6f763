import type { KnowledgeBase, MatcherData } from '../kb/schema';
import type { EntityTraits } from './evidence';
import { createMatcher, matcherPatterns, type MatchAlias, type Matcher } from './matcher';
import { packTrie } from './trie';

/** The aliases of the shipped matcher data, as the matcher takes them. */
export function aliasesFromData(data: MatcherData): MatchAlias[] {
  return data.aliases.map(([text, entity, match, evidence]) => ({
    text,
    entity: data.entities[entity]?.[0] ?? '',
    match,
    evidence: evidence ?? 'strong',
  }));
}

/** The matcher of the shipped matcher data. */
export function matcherFromData(data: MatcherData): Matcher {
  return createMatcher(aliasesFromData(data), data.notEntities, data.trie);
}

/** What the evidence policy needs of each entity, by entity index. */
export function traitsFromData(data: MatcherData): EntityTraits[] {
  return data.entities.map(([id, , broad]) => ({ broad: broad === 1, date: data.dates[id] }));
}

/** Matcher data with the trie of its aliases and not-entity phrases packed in. */
export function withPackedTrie(data: Omit<MatcherData, 'trie'>): MatcherData {
  const patterns = matcherPatterns(
    data.aliases.map(([text]) => ({ text })),
    data.notEntities,
  );
  return { ...data, trie: packTrie(patterns) };
}

/** The reader's matcher data: the shipped aliases plus the corpus-only references. */
export function readerMatcherData(kb: KnowledgeBase, data: MatcherData): MatcherData {
  return withPackedTrie({ ...data, aliases: [...data.aliases, ...kb.references] });
}
