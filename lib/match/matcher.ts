import type { AliasMatch } from '../catalog/schema';
import {
  normalizeCased,
  normalizeFolded,
  normalizeText,
  type NormalizedText,
} from '../text/normalize';
import { buildTrie, type Trie } from './trie';

/** What the matcher needs to know of an alias; the KB ships exactly this for the page. */
export interface MatchAlias {
  text: string;
  entity: string;
  match: AliasMatch;
}

export interface Mention {
  entity: string;
  /** Index of the alias in the list the matcher was built from. */
  alias: number;
  /** Offsets in the source text, end exclusive. */
  start: number;
  end: number;
  /** A surname-only match: it counts only after a full mention of the same entity. */
  weak: boolean;
}

interface AliasEntry {
  index: number;
  entity: string;
  match: AliasMatch;
  cased: string;
}

export interface Matcher {
  /** Every candidate mention in `text`, weak ones included (see `applySurnameRule`). */
  findMentions(text: string): Mention[];
  /** The same, for text already normalized (the page engine normalizes once per block). */
  findInNormalized(norm: NormalizedText, source: string): Mention[];
}

export function createMatcher(aliases: readonly MatchAlias[]): Matcher {
  const trie: Trie<AliasEntry> = buildTrie(
    aliases.map((alias, index) => ({
      folded: normalizeFolded(alias.text),
      value: { index, entity: alias.entity, match: alias.match, cased: normalizeCased(alias.text) },
    })),
  );

  function findInNormalized(norm: NormalizedText, source: string): Mention[] {
    const hits = trie.scan(
      norm.folded,
      (entry, start, end) =>
        entry.match !== 'acronym' || norm.cased.slice(start, end) === entry.cased,
    );
    return hits.map(({ start, end, value }) => {
      const last = norm.origin[end - 1]!;
      const lastWidth = source.codePointAt(last)! > 0xffff ? 2 : 1;
      return {
        entity: value.entity,
        alias: value.index,
        start: norm.origin[start]!,
        end: last + lastWidth,
        weak: value.match === 'surname',
      };
    });
  }

  return {
    findInNormalized,
    findMentions: (text) => findInNormalized(normalizeText(text), text),
  };
}

/**
 * Keeps a surname-only mention only when a full mention of the same entity came
 * before it. `mentions` must be in document order; `seen` carries that state across
 * calls (one set per page or article).
 */
export function applySurnameRule<M extends Pick<Mention, 'entity' | 'weak'>>(
  mentions: Iterable<M>,
  seen: Set<string>,
): M[] {
  const kept: M[] = [];
  for (const m of mentions) {
    if (!m.weak) {
      seen.add(m.entity);
      kept.push(m);
    } else if (seen.has(m.entity)) {
      kept.push(m);
    }
  }
  return kept;
}
