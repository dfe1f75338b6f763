import kbJson from '../../generated/kb.json';
import matcherJson from '../../generated/matcher.json';
import {
  knowledgeBaseSchema,
  matcherDataSchema,
  type KnowledgeBase,
  type MatcherData,
} from './schema';

/**
 * The bundled KB, validated once on first use: a build that shipped a malformed
 * file fails loudly here, naming the field, instead of showing broken cards.
 */
let kb: KnowledgeBase | undefined;
let matcher: MatcherData | undefined;

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
    .join('; ');
}

export function loadKnowledgeBase(): KnowledgeBase {
  if (!kb) {
    const parsed = knowledgeBaseSchema.safeParse(kbJson);
    if (!parsed.success)
      throw new Error(
        `Backstory: the bundled knowledge base is invalid (${describe(parsed.error)})`,
      );
    kb = parsed.data;
  }
  return kb;
}

export function loadMatcherData(): MatcherData {
  if (!matcher) {
    const parsed = matcherDataSchema.safeParse(matcherJson);
    if (!parsed.success)
      throw new Error(`Backstory: the bundled matcher data is invalid (${describe(parsed.error)})`);
    matcher = parsed.data;
  }
  return matcher;
}
