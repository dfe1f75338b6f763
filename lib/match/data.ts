import type { MatcherData } from '../kb/schema';
import type { EntityTraits } from './evidence';
import { createMatcher, type MatchAlias, type Matcher } from './matcher';

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
  return createMatcher(aliasesFromData(data), data.notEntities);
}

/** What the evidence policy needs of each entity, by entity index. */
export function traitsFromData(data: MatcherData): EntityTraits[] {
  return data.entities.map(([id, , broad]) => ({ broad: broad === 1, date: data.dates[id] }));
}
