import type { MatcherData } from '../kb/schema';
import type { EntityTraits } from './evidence';
import { createMatcher, type Matcher } from './matcher';

/** The matcher of the shipped matcher data. */
export function matcherFromData(data: MatcherData): Matcher {
  const { entities, aliases, notEntities } = data;
  return createMatcher(
    aliases.map(([text, entity, match, evidence]) => ({
      text,
      entity: entities[entity]?.[0] ?? '',
      match,
      evidence: evidence ?? 'strong',
    })),
    notEntities,
  );
}

/** What the evidence policy needs of each entity, by entity index. */
export function traitsFromData(data: MatcherData): EntityTraits[] {
  return data.entities.map(([id, , broad]) => ({ broad: broad === 1, date: data.dates[id] }));
}
