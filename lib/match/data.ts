import type { MatcherData } from '../kb/schema';
import type { EntityTraits } from './evidence';
import { createMatcher, type Matcher } from './matcher';

/** The matcher and the evidence traits of the shipped matcher data, entities by index. */
export function matcherFromData(data: MatcherData): {
  matcher: Matcher;
  traits: EntityTraits[];
} {
  const { entities, aliases, notEntities, dates } = data;
  const matcher = createMatcher(
    aliases.map(([text, entity, match, evidence]) => ({
      text,
      entity: entities[entity]?.[0] ?? '',
      match,
      evidence: evidence ?? 'strong',
    })),
    notEntities,
  );
  const traits = entities.map(([id, , broad]) => ({ broad: broad === 1, date: dates[id] }));
  return { matcher, traits };
}
