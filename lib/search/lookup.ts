import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Category } from '../catalog/category';
import type { KnowledgeBase } from '../kb/schema';
import { normalizeFolded } from '../text/normalize';

/** One entity found by a lookup, ready for a results list. */
export interface LookupResult {
  id: string;
  name: string;
  category: Category;
  /** The entity's description, clauses joined. */
  summary: string;
  /** The alias that matched, when it was not the canonical name ("Ghafari" for Sanaullah Ghafari). */
  matchedAlias?: string;
  /** True when the query is exactly (after normalization) the name or an alias. */
  exact: boolean;
}

export interface Lookup {
  /** The best `limit` entities for `query`, exact name or alias hits first. */
  search(query: string, limit: number): LookupResult[];
  /** Ids of the entities one of whose names is exactly `text` after normalization. */
  exact(text: string): string[];
}

/**
 * One searchable text per document, so an entity with twenty aliases is not
 * favoured over one with two: Fuse multiplies the scores of every matching value
 * in a record, which would reward ISIS-K for "sana" (in Khorasan) over Sanaullah.
 */
interface Doc {
  entity: number;
  name?: string;
  alias?: string;
  description?: string;
  /** The alias as written, for display. */
  label?: string;
}

const options: IFuseOptions<Doc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'alias', weight: 2 },
    { name: 'description', weight: 1 },
  ],
  includeScore: true,
  // One typo in six letters ("Gafari") passes; Fuse's default 0.6 lets descriptions that merely
  // share letters with the query crowd out the entity it names.
  threshold: 0.3,
  ignoreLocation: true,
  // Texts are folded by normalizeFolded already, the same way the page matcher folds them.
  isCaseSensitive: true,
};

/** Keeps hyphenated and apostrophised words whole, so "IS-K" is one term, not "is" and "k". */
const WORDS = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/** Long selections from the context menu are not names; bitap's cost grows with the pattern. */
const MAX_QUERY = 64;

/** Below this, fuzzy matching finds a letter anywhere; the first keystroke lists names instead. */
const MIN_FUZZY = 2;

export function createLookup(kb: Pick<KnowledgeBase, 'entities'>): Lookup {
  const { entities } = kb;
  const docs: Doc[] = [];
  const byName = new Map<string, Set<number>>();
  const names: string[][] = [];
  entities.forEach((entity, i) => {
    const folded = [entity.name, ...entity.aliases].map(normalizeFolded);
    names.push(folded);
    for (const key of folded) byName.set(key, (byName.get(key) ?? new Set()).add(i));
    docs.push({ entity: i, name: folded[0] });
    entity.aliases.forEach((alias, k) =>
      docs.push({ entity: i, alias: folded[k + 1], label: alias }),
    );
    docs.push({
      entity: i,
      description: normalizeFolded(entity.description.map((d) => d.text).join(' ')),
    });
  });

  // Whole-string matching catches typos inside one word ("Khorason"); term matching catches
  // words missing or reordered ("crocus hall", "ghafari sanaullah"). Each entity keeps its best.
  const whole = new Fuse(docs, options);
  const terms = new Fuse(docs, {
    ...options,
    useTokenSearch: true,
    tokenMatch: 'all',
    tokenize: WORDS,
  });

  const exactIndexes = (folded: string): number[] => [...(byName.get(folded) ?? [])];

  /** Each matching entity once, with its best score and the alias that earned it. */
  const fuzzyHits = (folded: string): Map<number, { score: number; label?: string }> => {
    const best = new Map<number, { score: number; label?: string }>();
    if (folded.length < MIN_FUZZY) {
      names.forEach((list, i) => {
        if (list.some((n) => n.startsWith(folded))) best.set(i, { score: 0 });
      });
      return best;
    }
    const pattern = folded.slice(0, MAX_QUERY);
    for (const { item, score = 1 } of [...whole.search(pattern), ...terms.search(pattern)]) {
      const seen = best.get(item.entity);
      if (!seen || score < seen.score) best.set(item.entity, { score, label: item.label });
    }
    return best;
  };

  // Among equally good matches, the entity the articles discuss more is the likelier target.
  const byMentions = (a: number, b: number) =>
    entities[b]!.mentionCount - entities[a]!.mentionCount;

  const toResult = (i: number, exact: boolean, label?: string): LookupResult => {
    const entity = entities[i]!;
    return {
      id: entity.id,
      name: entity.name,
      category: entity.category,
      summary: entity.description.map((d) => d.text).join(' '),
      ...(label && { matchedAlias: label }),
      exact,
    };
  };

  return {
    exact: (text) => exactIndexes(normalizeFolded(text)).map((i) => entities[i]!.id),

    search(query, limit) {
      const folded = normalizeFolded(query);
      if (!folded || limit <= 0) return [];
      const exact = exactIndexes(folded).sort(byMentions);
      const fuzzy = [...fuzzyHits(folded)]
        .filter(([i]) => !exact.includes(i))
        .sort(([a, x], [b, y]) => x.score - y.score || byMentions(a, b));
      return [
        ...exact.map((i) => {
          // The canonical name is names[i][0]; a later hit is an alias worth showing.
          const k = names[i]!.indexOf(folded, 1);
          return toResult(i, true, k > 0 ? entities[i]!.aliases[k - 1] : undefined);
        }),
        ...fuzzy.map(([i, { label }]) => toResult(i, false, label)),
      ].slice(0, limit);
    },
  };
}
