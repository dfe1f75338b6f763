import type { z } from 'zod/mini';
import {
  catalogFileSchema,
  type CatalogEntity,
  type Citation,
  type Claim,
  type AliasMatch,
} from '../catalog/schema';
import type { Article } from '../corpus/schema';
import { applySurnameRule, createMatcher, type MatchAlias, type Mention } from '../match/matcher';
import { isWordChar, normalizeFolded, normalizeText } from '../text/normalize';
import { pickSourceSentences } from './sources';
import type { CiteRef, KbClaim, KbEntity, KbMention, KnowledgeBase, MatcherData } from './schema';

export interface CatalogInput {
  /** Where the data came from, for error messages ("assets/catalog/people.json"). */
  file: string;
  data: unknown;
}

export interface BuildResult {
  kb: KnowledgeBase;
  matcher: MatcherData;
  errors: string[];
}

interface AliasInfo extends MatchAlias {
  outside: boolean;
}

/** Where a mention sits, in one article. */
export interface LocatedMention extends Mention {
  article: string;
  block: number;
  sentence: number;
}

function formatZodIssues(file: string, data: unknown, error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const [list, i] = issue.path;
    const item =
      typeof list === 'string' && typeof i === 'number'
        ? (data as Record<string, { id?: unknown }[]>)[list]?.[i]
        : undefined;
    const where = item && typeof item.id === 'string' ? ` entity "${item.id}"` : '';
    return `${file}:${where} ${issue.path.join('.')}: ${issue.message}`;
  });
}

function sentenceAt(sentences: readonly (readonly [number, number])[], offset: number): number {
  const found = sentences.findIndex(([, end]) => offset < end);
  return found === -1 ? sentences.length - 1 : found;
}

/** Finds a quote (typography-insensitive, case-sensitive) in an article. */
export function locateQuote(article: Article, quote: string): CiteRef | undefined {
  const needle = normalizeText(quote).cased.trim();
  for (let b = 0; b < article.blocks.length; b++) {
    const block = article.blocks[b]!;
    const hay = normalizeText(block.text);
    const at = hay.cased.indexOf(needle);
    if (at !== -1) {
      return {
        article: article.id,
        block: b,
        sentence: sentenceAt(block.sentences, hay.origin[at]!),
        quote,
      };
    }
  }
  return undefined;
}

/** Every mention in every article, surname rule applied per article. */
export function locateMentions(
  articles: readonly Article[],
  aliases: readonly MatchAlias[],
): LocatedMention[] {
  const matcher = createMatcher(aliases);
  const all: LocatedMention[] = [];
  for (const article of articles) {
    const seen = new Set<string>();
    article.blocks.forEach((block, b) => {
      const found = applySurnameRule(matcher.findMentions(block.text), seen);
      for (const m of found) {
        all.push({
          ...m,
          article: article.id,
          block: b,
          sentence: sentenceAt(block.sentences, m.start),
        });
      }
    });
  }
  return all;
}

/** The canonical name is an alias too, unless the entity lists it explicitly. */
function aliasesOf(entity: CatalogEntity): { text: string; match: AliasMatch; outside: boolean }[] {
  const listed = entity.aliases.map((a) => ({ text: a.text, match: a.match, outside: a.outside }));
  const nameFolded = normalizeFolded(entity.name);
  return listed.some((a) => normalizeFolded(a.text) === nameFolded)
    ? listed
    : [{ text: entity.name, match: 'plain', outside: false }, ...listed];
}

export function buildKnowledgeBase(
  articles: readonly Article[],
  catalog: readonly CatalogInput[],
): BuildResult {
  const errors: string[] = [];
  const entities: (CatalogEntity & { file: string })[] = [];
  const claims: (Claim & { file: string })[] = [];

  for (const { file, data } of catalog) {
    const parsed = catalogFileSchema.safeParse(data);
    if (!parsed.success) {
      errors.push(...formatZodIssues(file, data, parsed.error));
      continue;
    }
    entities.push(...parsed.data.entities.map((e) => ({ ...e, file })));
    claims.push(...parsed.data.claims.map((c) => ({ ...c, file })));
  }

  const articleById = new Map(articles.map((a) => [a.id, a]));
  const entityById = new Map<string, CatalogEntity & { file: string }>();
  for (const e of entities) {
    const prior = entityById.get(e.id);
    if (prior) errors.push(`${e.file}: entity "${e.id}": id is duplicated (also in ${prior.file})`);
    else entityById.set(e.id, e);
  }

  const resolveCite = (where: string, cite: Citation): CiteRef | undefined => {
    const article = articleById.get(cite.article);
    if (!article) {
      errors.push(`${where}: cites unknown article "${cite.article}"`);
      return undefined;
    }
    const ref = locateQuote(article, cite.quote);
    if (!ref)
      errors.push(`${where}: quote not found in article "${cite.article}": “${cite.quote}”`);
    return ref;
  };

  // Aliases: one owner per folded text, each usable as a whole word.
  const aliases: AliasInfo[] = [];
  const ownerOf = new Map<string, string>();
  for (const e of entityById.values()) {
    for (const alias of aliasesOf(e)) {
      const folded = normalizeFolded(alias.text);
      const where = `${e.file}: entity "${e.id}"`;
      if (
        !isWordChar(folded[0]) ||
        (!isWordChar(folded[folded.length - 1]) && !folded.endsWith('.'))
      ) {
        errors.push(
          `${where}: alias "${alias.text}" must start with a letter or digit and end with one (or a period)`,
        );
        continue;
      }
      const owner = ownerOf.get(folded);
      if (owner === e.id) {
        errors.push(`${where}: alias "${alias.text}" is listed twice`);
        continue;
      }
      if (owner) {
        errors.push(`${where}: alias "${alias.text}" also belongs to entity "${owner}"`);
        continue;
      }
      ownerOf.set(folded, e.id);
      aliases.push({ text: alias.text, entity: e.id, match: alias.match, outside: alias.outside });
    }
  }

  const mentions = locateMentions(articles, aliases);
  const hitsByAlias = new Map<number, Set<string>>();
  const mentionsByEntity = new Map<string, LocatedMention[]>();
  for (const m of mentions) {
    (hitsByAlias.get(m.alias) ?? hitsByAlias.set(m.alias, new Set()).get(m.alias)!).add(m.article);
    (mentionsByEntity.get(m.entity) ?? mentionsByEntity.set(m.entity, []).get(m.entity)!).push(m);
  }
  aliases.forEach((alias, i) => {
    const where = `${entityById.get(alias.entity)!.file}: entity "${alias.entity}"`;
    const hits = hitsByAlias.get(i);
    if (!alias.outside && !hits) {
      errors.push(
        `${where}: alias "${alias.text}" never occurs in the corpus as a whole word` +
          (alias.match === 'surname' ? ' after the full name' : '') +
          ' (a longer alias may swallow it); mark it "outside": true if readers meet it elsewhere',
      );
    } else if (alias.outside && hits) {
      errors.push(
        `${where}: alias "${alias.text}" is marked outside but occurs in ${[...hits].join(', ')}`,
      );
    }
  });

  const kbClaimsByEntity = new Map<string, KbClaim[]>();
  const claimIds = new Set<string>();
  for (const claim of claims) {
    const where = `${claim.file}: claim "${claim.id}"`;
    if (claimIds.has(claim.id)) errors.push(`${where}: id is duplicated`);
    claimIds.add(claim.id);
    if (!entityById.has(claim.entity)) {
      errors.push(`${where}: unknown entity "${claim.entity}"`);
      continue;
    }
    const versions = claim.versions.map((v) => ({
      value: v.value,
      cites: v.cites
        .map((c) => resolveCite(`${where} (${v.value})`, c))
        .filter((c) => c !== undefined),
    }));
    const list = kbClaimsByEntity.get(claim.entity) ?? [];
    list.push({ id: claim.id, subject: claim.subject, versions });
    kbClaimsByEntity.set(claim.entity, list);
  }

  const related = relatedEntities(mentions);
  const entitiesPerSentence = new Map<string, Set<string>>();
  for (const m of mentions) {
    const key = `${m.article}#${m.block}#${m.sentence}`;
    (entitiesPerSentence.get(key) ?? entitiesPerSentence.set(key, new Set()).get(key)!).add(
      m.entity,
    );
  }
  const entityCountPerSentence = new Map([...entitiesPerSentence].map(([k, v]) => [k, v.size]));
  const kbEntities: KbEntity[] = [];
  for (const e of [...entityById.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const own = mentionsByEntity.get(e.id) ?? [];
    if (own.length === 0) errors.push(`${e.file}: entity "${e.id}" has no mention in any article`);
    const description = e.description.map((clause, i) => ({
      text: clause.text,
      cite: resolveCite(`${e.file}: entity "${e.id}" description clause ${i + 1}`, clause.cite),
    }));
    const mentionsByArticle: Record<string, number> = {};
    for (const m of own) mentionsByArticle[m.article] = (mentionsByArticle[m.article] ?? 0) + 1;
    kbEntities.push({
      id: e.id,
      name: e.name,
      category: e.category,
      aliases: [...new Set(e.aliases.map((a) => a.text).filter((t) => t !== e.name))],
      description: description.flatMap((d) => (d.cite ? [{ text: d.text, cite: d.cite }] : [])),
      sources: pickSourceSentences(e.id, own, articles, entityCountPerSentence),
      related: related.get(e.id) ?? [],
      mentionCount: own.length,
      mentionsByArticle,
      claims: kbClaimsByEntity.get(e.id) ?? [],
    });
  }

  const articleOrder = new Map(articles.map((a, i) => [a.id, i]));
  const kbMentions: KbMention[] = mentions
    .map((m): KbMention => [m.entity, m.article, m.block, m.sentence, m.start, m.end])
    .sort(
      (a, b) => articleOrder.get(a[1])! - articleOrder.get(b[1])! || a[2] - b[2] || a[4] - b[4],
    );

  return {
    errors,
    kb: {
      articles: articles.map((a) => ({
        ...a,
        blocks: a.blocks.map((b) => ({
          ...b,
          sentences: b.sentences.map(([s, t]) => [s, t] as [number, number]),
        })),
      })),
      entities: kbEntities,
      mentions: kbMentions,
    },
    matcher: {
      entities: kbEntities.map(({ id, category }) => [id, category]),
      aliases: aliases.flatMap(({ text, entity, match }) => {
        const i = kbEntities.findIndex((e) => e.id === entity);
        return i === -1 ? [] : [[text, i, match] as [string, number, AliasMatch]];
      }),
    },
  };
}

const RELATED_LIMIT = 6;

/** Co-occurrence: sharing a sentence weighs 2, sharing only a paragraph 1. */
function relatedEntities(
  mentions: readonly LocatedMention[],
): Map<string, { id: string; weight: number }[]> {
  const byBlock = new Map<string, LocatedMention[]>();
  for (const m of mentions) {
    const key = `${m.article}#${m.block}`;
    (byBlock.get(key) ?? byBlock.set(key, []).get(key)!).push(m);
  }
  const weights = new Map<string, Map<string, number>>();
  for (const group of byBlock.values()) {
    const best = new Map<string, number>();
    for (const a of group) {
      for (const b of group) {
        if (a.entity === b.entity) continue;
        const key = `${a.entity}\n${b.entity}`;
        best.set(key, Math.max(best.get(key) ?? 0, a.sentence === b.sentence ? 2 : 1));
      }
    }
    for (const [key, w] of best) {
      const [a, b] = key.split('\n') as [string, string];
      const row = weights.get(a) ?? weights.set(a, new Map()).get(a)!;
      row.set(b, (row.get(b) ?? 0) + w);
    }
  }
  const out = new Map<string, { id: string; weight: number }[]>();
  for (const [id, row] of weights) {
    out.set(
      id,
      [...row]
        .map(([other, weight]) => ({ id: other, weight }))
        .sort((x, y) => y.weight - x.weight || x.id.localeCompare(y.id))
        .slice(0, RELATED_LIMIT),
    );
  }
  return out;
}
