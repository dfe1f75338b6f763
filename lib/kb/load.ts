import kbJson from '../../generated/kb.json';
// As text, parsed when first asked for: as a module's object literal it would be built in
// every frame the content script starts in, before the script knows it has a page to read.
import matcherText from '../../generated/matcher.json?raw';
import { describeIssues } from './issues';
import { knowledgeBaseSchema, type KnowledgeBase, type MatcherData } from './schema';

/**
 * The bundled KB is validated once, on first use: a build that shipped a
 * malformed file says which field is wrong instead of showing broken cards.
 */

export type KnowledgeBaseLoad = { ok: true; kb: KnowledgeBase } | { ok: false; error: string };

/** Validates KB data; pages show `error` instead of a blank page when it is broken. */
export function parseKnowledgeBase(data: unknown): KnowledgeBaseLoad {
  const parsed = knowledgeBaseSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
  if (parsed.data.articles.length === 0) {
    return { ok: false, error: 'articles: the knowledge base holds no articles' };
  }
  return { ok: true, kb: parsed.data };
}

let kb: KnowledgeBase | undefined;

export function loadKnowledgeBase(): KnowledgeBase {
  if (!kb) {
    const loaded = parseKnowledgeBase(kbJson);
    if (!loaded.ok)
      throw new Error(`Backstory: the bundled knowledge base is invalid:\n${loaded.error}`);
    kb = loaded.kb;
  }
  return kb;
}

let matcherData: MatcherData | undefined;

/**
 * The bundled matcher data, as the build wrote it. It is not validated here: the build
 * checked it against `matcherDataSchema` before writing it (scripts/kb-files.ts), and it
 * ships inside the extension's own code, so no outside input reaches it. Checking it
 * again cost 20–40 ms in every frame of every page the content script starts in.
 */
export function loadMatcherData(): MatcherData {
  return (matcherData ??= JSON.parse(matcherText) as MatcherData);
}
