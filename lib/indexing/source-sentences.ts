import type { Article } from '../corpus/schema';
import type { Mention } from '../match/matcher';
import { creditFor } from '../kb/credit';
import type { SourceRef } from '../kb/schema';
import { isUnattributedQuote, type NameSpan } from './quoted-speech';

/** A span of a block's text: a garbled passage, or one never used as a source. */
export interface FlaggedSpan {
  block: number;
  start: number;
  end: number;
  /** For a garbled passage, what it appears to mean. */
  means?: string;
}

const MAX_SOURCES = 3;
/** Shorter sentences are used only when an entity has nothing better. */
const MIN_WORDS = 8;
/** Token overlap above which two sentences say the same thing. */
const NEAR_DUPLICATE = 0.4;
/** Openers that need the previous sentence to make sense. */
/** Reporting introduces an entity better than a columnist's view of it. */
const OPINION_PENALTY = 1;
const DANGLING_OPENER =
  /^(?:[“"‘']\s*)?(?:it|he|she|they|this|that|these|those|but|and|so|also)\b/i;

interface Candidate extends SourceRef {
  /** Overlaps a garbled passage: used only when the entity has nothing else. */
  garbledOnly: boolean;
  text: string;
  score: number;
  order: number;
}

/** Content words only: short function words make unrelated sentences look alike. */
function tokens(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 3));
}

/** Jaccard similarity of two token sets. */
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** How much a sentence tells a reader who knows nothing yet. */
function score(
  text: string,
  strong: boolean,
  entitiesInSentence: number,
  mentionAt: number,
  compound: boolean,
): number {
  const words = text.split(/\s+/).length;
  let s = strong ? 2 : 1;
  // A sentence about the entity names it early; "pro-ISIS ecosystems" is about something else.
  if (mentionAt < text.length * 0.3) s += 1;
  if (compound) s -= 1.5;
  s += words >= 14 && words <= 45 ? 1.5 : words < 14 ? 0.5 : 0;
  if (/\d/.test(text)) s += 0.75;
  s += Math.min(entitiesInSentence - 1, 3) * 0.25;
  if (DANGLING_OPENER.test(text)) s -= 1.5;
  return s;
}

function overlapping(
  spans: readonly FlaggedSpan[] | undefined,
  block: number,
  start: number,
  end: number,
): FlaggedSpan | undefined {
  return spans?.find((g) => g.block === block && g.start < end && start < g.end);
}

/** How many distinct entities each sentence names, keyed `article#block#sentence`. */
export function countEntitiesPerSentence(
  mentions: readonly (Pick<Mention, 'entity'> & {
    article: string;
    block: number;
    sentence: number;
  })[],
): Map<string, number> {
  const entities = new Map<string, Set<string>>();
  for (const m of mentions) {
    const key = `${m.article}#${m.block}#${m.sentence}`;
    (entities.get(key) ?? entities.set(key, new Set()).get(key)!).add(m.entity);
  }
  return new Map([...entities].map(([key, set]) => [key, set.size]));
}

/**
 * The 2–3 sentences that best introduce an entity: informative, standalone,
 * from different articles where possible, never near-duplicates of each other.
 * A garbled sentence is used only when the entity has no clean one, and is marked; a
 * passage listed as not for sources (an author's bio, a quoted call to violence) never is,
 * so an entity named only there has a card without source sentences. Nor is quoted speech
 * that does not say whose it is (“…,” he said.): alone, it would read as the outlet's.
 * `peopleByBlock` says where each block names a person (`peopleByBlock` in ./quoted-speech).
 */
export function pickSourceSentences(
  entity: string,
  mentions: readonly (Mention & { article: string; block: number; sentence: number })[],
  articles: readonly Pick<Article, 'id' | 'blocks' | 'outlet' | 'via' | 'kind' | 'sections'>[],
  entitiesPerSentence: ReadonlyMap<string, number>,
  garbledByArticle: ReadonlyMap<string, readonly FlaggedSpan[]>,
  excludedByArticle: ReadonlyMap<string, readonly FlaggedSpan[]>,
  peopleByBlock: ReadonlyMap<string, readonly NameSpan[]>,
): SourceRef[] {
  const articleById = new Map(articles.map((a, i) => [a.id, { article: a, index: i }]));
  const candidates = new Map<string, Candidate>();
  for (const m of mentions) {
    if (m.entity !== entity) continue;
    const key = `${m.article}#${m.block}#${m.sentence}`;
    const found = articleById.get(m.article);
    const block = found?.article.blocks[m.block];
    const span = block?.sentences[m.sentence];
    if (!found || !block || !span || block.kind === 'heading') continue;
    if (overlapping(excludedByArticle.get(m.article), m.block, span[0], span[1])) continue;
    const people = peopleByBlock.get(`${m.article}#${m.block}`) ?? [];
    if (isUnattributedQuote(block.text, span[0], span[1], people)) continue;
    const garbled = overlapping(garbledByArticle.get(m.article), m.block, span[0], span[1]);
    const text = block.text.slice(span[0], span[1]);
    const short = text.split(/\s+/).length < MIN_WORDS;
    const compound =
      /[-‐‑–]$/u.test(block.text.slice(0, m.start)) ||
      /^[-‐‑–]\p{L}/u.test(block.text.slice(m.end));
    const opinion = creditFor(found.article, m.block).kind === 'opinion column';
    const full = m.evidence !== 'supported';
    const s =
      score(text, full, entitiesPerSentence.get(key) ?? 1, m.start - span[0], compound) -
      (short ? 10 : 0) -
      (opinion ? OPINION_PENALTY : 0);
    const prior = candidates.get(key);
    if (!prior || prior.score < s) {
      candidates.set(key, {
        article: m.article,
        block: m.block,
        sentence: m.sentence,
        ...(garbled?.means ? { garbled: garbled.means } : {}),
        garbledOnly: garbled !== undefined,
        text,
        score: s,
        order: found.index * 1e6 + m.block * 1e3 + m.sentence,
      });
    }
  }

  const all = [...candidates.values()].sort((a, b) => b.score - a.score || a.order - b.order);
  const clean = all.filter((c) => !c.garbledOnly);
  const ranked = clean.length > 0 ? clean : all.slice(0, 1);
  const picked: Candidate[] = [];
  const pickedTokens: Set<string>[] = [];
  // Two passes: first one sentence per article, then fill up from any article.
  for (const perArticle of [true, false]) {
    for (const c of ranked) {
      if (picked.length >= MAX_SOURCES) break;
      if (picked.includes(c)) continue;
      if (perArticle && picked.some((p) => p.article === c.article)) continue;
      const t = tokens(c.text);
      if (pickedTokens.some((p) => overlap(p, t) > NEAR_DUPLICATE)) continue;
      picked.push(c);
      pickedTokens.push(t);
    }
  }
  return picked.map(({ article, block, sentence, garbled }) => ({
    article,
    block,
    sentence,
    ...(garbled === undefined ? {} : { garbled }),
  }));
}
