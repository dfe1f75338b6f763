import type { z } from 'zod/mini';
import { phraseReason } from './alias-form';
import {
  catalogFileSchema,
  type Alias,
  type CatalogEntity,
  type Citation,
  type Claim,
  type NotEntity,
} from '../catalog/schema';
import type { Article } from '../corpus/schema';
import { EvidenceJudge } from '../match/evidence';
import { createMatcher } from '../match/matcher';
import { withPackedTrie } from '../match/data';
import { isWordChar, normalizeFolded, normalizeText } from '../text/normalize';
import {
  carriesAttribution,
  checkFigures,
  checkGarbleMark,
  checkOpinionAttributed,
  checkOutletCredit,
} from './checks';
import { creditFor, sectionStarts } from '../kb/credit';
import {
  containedMentions,
  locateMentions,
  sentenceAt,
  type BuildAlias,
  type LocatedMention,
  type TraitsOf,
} from '../indexing/mentions';
import { countEntitiesPerSentence, pickSourceSentences } from '../indexing/source-sentences';
import { peopleByBlock } from '../indexing/quoted-speech';
import type {
  CiteRef,
  KbClaim,
  KbEntity,
  KbMention,
  KnowledgeBase,
  MatcherAlias,
  MatcherData,
  SentenceRef,
} from '../kb/schema';

export interface CatalogInput {
  /** Where the data came from, for error messages ("assets/catalog/people.json"). */
  file: string;
  data: unknown;
}

export interface BuildResult {
  kb: KnowledgeBase;
  matcher: MatcherData;
  errors: string[];
  /** Articles the page rule would not call on topic: none, for a rule that fits the corpus. */
  offTopic: string[];
}

interface AliasInfo extends BuildAlias {
  outside: boolean;
}

/** A sentence and the span of a block's text (a mention, or a cited quote) that starts in it. */
interface Passage extends SentenceRef {
  start: number;
  end: number;
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

/** Where a quote sits: its block, first and last sentence, and offsets within the block's text. */
interface QuoteSpan {
  block: number;
  sentence: number;
  lastSentence: number;
  start: number;
  end: number;
}

/** Every occurrence of a quote (typography-insensitive, case-sensitive) in an article. */
function findQuote(article: Article, quote: string): QuoteSpan[] {
  const needle = normalizeText(quote).cased.trim();
  const found: QuoteSpan[] = [];
  if (needle.length === 0) return found;
  article.blocks.forEach((block, b) => {
    const hay = normalizeText(block.text);
    for (let at = hay.cased.indexOf(needle); at !== -1; at = hay.cased.indexOf(needle, at + 1)) {
      const start = hay.origin[at]!;
      const end = hay.origin[at + needle.length]!;
      found.push({
        block: b,
        sentence: sentenceAt(block.sentences, start),
        lastSentence: sentenceAt(block.sentences, end - 1),
        start,
        end,
      });
    }
  });
  return found;
}

type TextSpan = Pick<QuoteSpan, 'block' | 'start' | 'end'>;

interface GarbledSpan extends QuoteSpan {
  means: string;
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.block === b.block && a.start < b.end && b.start < a.end;
}

/** Whether an article is on topic by the page rule: a check that the rule fits the corpus. */
function isOnTopic(mentions: readonly LocatedMention[], traitsOf: TraitsOf): boolean {
  const judge = new EvidenceJudge(traitsOf, { broadMode: 'topic' });
  for (const m of mentions) judge.observe(m.entity, m.alias, m.evidence, m.redefined);
  return judge.onTopic;
}

type AliasSpec = Pick<Alias, 'text' | 'match' | 'evidence' | 'outside' | 'contains'>;

/** The canonical name is an alias too, unless the entity lists it explicitly. */
function aliasesOf(entity: CatalogEntity): AliasSpec[] {
  const listed = entity.aliases.map(({ text, match, evidence, outside, contains }) => ({
    text,
    match,
    evidence,
    outside,
    contains,
  }));
  const nameFolded = normalizeFolded(entity.name);
  return listed.some((a) => normalizeFolded(a.text) === nameFolded)
    ? listed
    : [{ text: entity.name, match: 'plain', evidence: 'strong', outside: false }, ...listed];
}

/** Form checks of one alias: usable as a whole word, a name unless a corpus reference. */
function aliasFormErrors(where: string, entity: CatalogEntity, alias: AliasSpec): string[] {
  const errors: string[] = [];
  const folded = normalizeFolded(alias.text);
  if (!isWordChar(folded[0]) || (!isWordChar(folded[folded.length - 1]) && !folded.endsWith('.'))) {
    errors.push(
      `${where}: alias "${alias.text}" must start with a letter or digit and end with one (or a period)`,
    );
  }
  const phrase = alias.text === entity.name ? undefined : phraseReason(alias.text);
  if (phrase && alias.evidence !== 'corpus') {
    errors.push(
      `${where}: alias "${alias.text}" is a phrase, not a name (${phrase}); mark it "evidence": "corpus" to match it in the articles only`,
    );
  }
  if (alias.evidence === 'corpus' && alias.outside) {
    errors.push(
      `${where}: alias "${alias.text}" is both "outside" and "corpus": it could never match anywhere`,
    );
  }
  if (alias.evidence === 'corpus' && alias.contains) {
    errors.push(
      `${where}: alias "${alias.text}" is a corpus reference, which counts the names inside it already; drop "contains"`,
    );
  }
  return errors;
}

/**
 * Checks the not-entity phrases: each must contain an alias it names in `guards`,
 * that alias must otherwise match inside it, and no phrase may take a mention the
 * corpus makes of an entity.
 */
function notEntityErrors(
  notEntities: readonly (NotEntity & { file: string })[],
  aliases: readonly BuildAlias[],
  ownerOf: ReadonlyMap<string, string>,
  articles: readonly Article[],
  traitsOf: TraitsOf,
): string[] {
  const errors: string[] = [];
  const bare = createMatcher(aliases);
  const seen = new Set<string>();
  for (const phrase of notEntities) {
    const where = `${phrase.file}: not-entity "${phrase.text}"`;
    const folded = normalizeFolded(phrase.text);
    if (seen.has(folded)) errors.push(`${where}: listed twice`);
    seen.add(folded);
    const owner = ownerOf.get(folded);
    if (owner) errors.push(`${where}: is an alias of entity "${owner}"`);
    const inside = bare
      .findMentions(phrase.text)
      .map((m) => normalizeFolded(aliases[m.alias]!.text));
    for (const guard of phrase.guards) {
      const g = normalizeFolded(guard);
      if (!ownerOf.has(g)) errors.push(`${where}: guards "${guard}", which is no alias`);
      else if (!inside.includes(g))
        errors.push(`${where}: guards "${guard}", but that alias does not match inside it`);
    }
    if (inside.length === 0) errors.push(`${where}: guards nothing (no alias matches inside it)`);
  }
  const key = (m: LocatedMention) => `${m.article}#${m.block}#${m.start}`;
  const kept = new Set(
    locateMentions(
      articles,
      aliases,
      traitsOf,
      notEntities.map((p) => p.text),
    ).map(key),
  );
  for (const m of locateMentions(articles, aliases, traitsOf)) {
    if (kept.has(key(m))) continue;
    const block = articles.find((a) => a.id === m.article)!.blocks[m.block]!;
    const text = normalizeFolded(block.text);
    const culprits = notEntities.filter((p) => text.includes(normalizeFolded(p.text)));
    errors.push(
      `${culprits.map((p) => `${p.file}: not-entity "${p.text}"`).join(', ') || 'a not-entity phrase'}: blocks the mention of entity "${m.entity}" in ${m.article}: “${block.text.slice(Math.max(0, m.start - 30), m.end + 30)}”`,
    );
  }
  return errors;
}

export function buildKnowledgeBase(
  articles: readonly Article[],
  catalog: readonly CatalogInput[],
): BuildResult {
  const errors: string[] = [];
  const entities: (CatalogEntity & { file: string })[] = [];
  const claims: (Claim & { file: string })[] = [];
  const notEntities: (NotEntity & { file: string })[] = [];

  for (const { file, data } of catalog) {
    const parsed = catalogFileSchema.safeParse(data);
    if (!parsed.success) {
      errors.push(...formatZodIssues(file, data, parsed.error));
      continue;
    }
    entities.push(...parsed.data.entities.map((e) => ({ ...e, file })));
    claims.push(...parsed.data.claims.map((c) => ({ ...c, file })));
    notEntities.push(...parsed.data.notEntities.map((p) => ({ ...p, file })));
  }

  const articleById = new Map(articles.map((a) => [a.id, a]));
  const entityById = new Map<string, CatalogEntity & { file: string }>();
  for (const e of entities) {
    const prior = entityById.get(e.id);
    if (prior) errors.push(`${e.file}: entity "${e.id}": id is duplicated (also in ${prior.file})`);
    else entityById.set(e.id, e);
    if (e.category === 'event' && !e.date)
      errors.push(`${e.file}: entity "${e.id}": an event needs a "date" (when it began)`);
    if (e.category !== 'event' && e.date)
      errors.push(`${e.file}: entity "${e.id}": only events have a "date"`);
  }
  const traitsOf: TraitsOf = (id) => {
    const e = entityById.get(id);
    return { broad: e?.broad ?? false, date: e?.date };
  };

  const garbledByArticle = new Map<string, GarbledSpan[]>();
  const excludedByArticle = new Map<string, QuoteSpan[]>();
  for (const article of articles) {
    const where = `assets/corpus/articles.json: article "${article.id}"`;
    sectionStarts(article).forEach((start, i) => {
      if (start === -1)
        errors.push(
          `${where}: section ${i + 1} starts at heading “${article.sections[i]!.startsAt}”, which the article does not have`,
        );
    });
    const spans: GarbledSpan[] = [];
    for (const passage of article.garbled) {
      const span = pickOccurrence(
        `${where}: garbled passage`,
        article.id,
        findQuote(article, passage.text),
        passage.text,
        passage.occurrence,
      );
      if (span) spans.push({ ...span, means: passage.means });
    }
    garbledByArticle.set(article.id, spans);
    excludedByArticle.set(
      article.id,
      article.notForSources.flatMap((text) => {
        const span = pickOccurrence(
          `${where}: passage not for sources`,
          article.id,
          findQuote(article, text),
          text,
          undefined,
        );
        return span ? [span] : [];
      }),
    );
  }

  function pickOccurrence(
    where: string,
    article: string,
    found: QuoteSpan[],
    quote: string,
    occurrence: number | undefined,
  ): QuoteSpan | undefined {
    if (found.length === 0) {
      errors.push(`${where}: quote not found in article "${article}": “${quote}”`);
      return undefined;
    }
    if (occurrence === undefined && found.length > 1) {
      errors.push(
        `${where}: quote occurs ${found.length} times in article "${article}": “${quote}”; say which with "occurrence": 1–${found.length}`,
      );
      return undefined;
    }
    const span = found[(occurrence ?? 1) - 1];
    if (!span) {
      errors.push(
        `${where}: quote occurs only ${found.length} time(s) in article "${article}", not ${occurrence}: “${quote}”`,
      );
    }
    return span;
  }

  const outlets = [
    ...new Set(articles.flatMap((a) => [a.outlet, ...a.sections.map((s) => s.outlet)])),
  ];

  interface ClauseContext {
    text: string;
    entityName: string;
    /** The previous clause of the description, when it named the opinion column's author. */
    attributedBefore: { article: string } | undefined;
  }

  /** Where each resolved citation's quote sits, for the footers. */
  const citedSpans = new WeakMap<CiteRef, QuoteSpan>();
  /** Resolves a citation; for a description clause, also checks its figures and attribution. */
  const resolveCite = (
    where: string,
    cite: Citation,
    clause?: ClauseContext,
  ): CiteRef | undefined => {
    const article = articleById.get(cite.article);
    if (!article) {
      errors.push(`${where}: cites unknown article "${cite.article}"`);
      return undefined;
    }
    const span = pickOccurrence(
      where,
      article.id,
      findQuote(article, cite.quote),
      cite.quote,
      cite.occurrence,
    );
    if (!span) return undefined;
    const garbledSpans = garbledByArticle.get(article.id)!;
    const garbleProblem = checkGarbleMark(article.id, cite.quote, cite, span, garbledSpans);
    if (garbleProblem) errors.push(`${where}: ${garbleProblem}`);
    const garbled = garbledSpans.find((g) => overlaps(g, span));
    if (clause) {
      const credit = creditFor(article, span.block);
      const problems = [
        checkFigures(clause.text, cite.quote, article),
        checkOpinionAttributed(clause.text, credit, article.authors, {
          carried: clause.attributedBefore?.article === article.id,
          entityName: clause.entityName,
        }),
        checkOutletCredit(clause.text, credit, outlets),
      ];
      for (const p of problems) if (p) errors.push(`${where} (article "${article.id}"): ${p}`);
    }
    const ref: CiteRef = {
      article: article.id,
      block: span.block,
      sentence: span.sentence,
      quote: cite.quote,
      ...(garbled ? { garbled: garbled.means } : {}),
    };
    citedSpans.set(ref, span);
    return ref;
  };

  // Aliases: one owner per folded text, each usable as a whole word, names unless references.
  const aliases: AliasInfo[] = [];
  const ownerOf = new Map<string, string>();
  for (const e of entityById.values()) {
    for (const alias of aliasesOf(e)) {
      const folded = normalizeFolded(alias.text);
      const where = `${e.file}: entity "${e.id}"`;
      const formErrors = aliasFormErrors(where, e, alias);
      if (formErrors.length > 0) {
        errors.push(...formErrors);
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
      aliases.push({ ...alias, entity: e.id });
    }
  }
  const inside = containedMentions(aliases);
  aliases.forEach((alias, i) => {
    const where = `${entityById.get(alias.entity)!.file}: entity "${alias.entity}"`;
    for (const id of alias.contains ?? []) {
      if (!entityById.has(id) || id === alias.entity) {
        errors.push(`${where}: alias "${alias.text}" contains "${id}", which is no other entity`);
      } else if (!inside(alias.text, i, 0, alias.text.length).some((m) => m.entity === id)) {
        errors.push(
          `${where}: alias "${alias.text}" contains "${id}", but no alias of "${id}" matches inside it`,
        );
      }
    }
  });
  errors.push(...notEntityErrors(notEntities, aliases, ownerOf, articles, traitsOf));

  const mentions = locateMentions(
    articles,
    aliases,
    traitsOf,
    notEntities.map((p) => p.text),
  );
  const hitsByAlias = new Map<number, Set<string>>();
  const mentionsByEntity = new Map<string, LocatedMention[]>();
  for (const m of mentions) {
    (hitsByAlias.get(m.alias) ?? hitsByAlias.set(m.alias, new Set()).get(m.alias)!).add(m.article);
    (mentionsByEntity.get(m.entity) ?? mentionsByEntity.set(m.entity, []).get(m.entity)!).push(m);
  }
  const offTopic = articles
    .filter(
      (a) =>
        !isOnTopic(
          mentions.filter((m) => m.article === a.id),
          traitsOf,
        ),
    )
    .map((a) => a.id);
  aliases.forEach((alias, i) => {
    const where = `${entityById.get(alias.entity)!.file}: entity "${alias.entity}"`;
    const hits = hitsByAlias.get(i);
    if (!alias.outside && !hits) {
      errors.push(
        `${where}: alias "${alias.text}" never occurs in the corpus as a whole word` +
          ' (a longer alias or a not-entity phrase may swallow it, or the article predates the event);' +
          ' mark it "outside": true if readers meet it elsewhere',
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
    const byValue = new Map<string, string>();
    for (const v of claim.versions) {
      const same = byValue.get(claimValueKey(v.value));
      if (same !== undefined) {
        errors.push(
          `${where}: versions “${same}” and “${v.value}” say the same thing; a claim records where the sources differ, so give both citations to one version, or drop the claim`,
        );
      } else byValue.set(claimValueKey(v.value), v.value);
    }
    const versions = claim.versions.map((v) => ({
      value: v.value,
      cites: v.cites
        .map((c) => resolveCite(`${where} (${v.value})`, c))
        .filter((c) => c !== undefined),
    }));
    const list = kbClaimsByEntity.get(claim.entity) ?? [];
    list.push({
      id: claim.id,
      kind: claim.kind,
      subject: claim.subject,
      ...(claim.note ? { note: claim.note } : {}),
      versions,
    });
    kbClaimsByEntity.set(claim.entity, list);
  }

  // Words a repost garbled say nothing reliable about what they name ("“China is
  // effectively merging…” Jadoon told CNN" is about ISIS-K), so a mention in them links
  // nobody and is not counted in a footer.
  const inGarbled = (m: LocatedMention) =>
    garbledByArticle.get(m.article)!.some((g) => overlaps(g, m));
  const related = relatedEntities(mentions.filter((m) => !inGarbled(m)));
  const entityCountPerSentence = countEntitiesPerSentence(mentions);
  const speakers = peopleByBlock(mentions, (id) => entityById.get(id)?.category === 'person');
  const kbEntities: KbEntity[] = [];
  for (const e of [...entityById.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const own = mentionsByEntity.get(e.id) ?? [];
    if (own.length === 0) errors.push(`${e.file}: entity "${e.id}" has no mention in any article`);
    let attributedBefore: { article: string } | undefined;
    const description = e.description.map((clause, i) => {
      const cite = resolveCite(
        `${e.file}: entity "${e.id}" description clause ${i + 1}`,
        clause.cite,
        { text: clause.text, entityName: e.name, attributedBefore },
      );
      const article = articleById.get(clause.cite.article);
      const names = article?.authors.some((a) => clause.text.includes(a.split(/\s+/).at(-1)!));
      const continues =
        (names || attributedBefore?.article === clause.cite.article) &&
        carriesAttribution(clause.text);
      attributedBefore = continues ? { article: clause.cite.article } : undefined;
      return { text: clause.text, cite };
    });
    const entityClaims = kbClaimsByEntity.get(e.id) ?? [];
    errors.push(...unexplainedMisspellings(e, entityClaims));
    const references = referencesOf(
      own.filter((m) => !inGarbled(m)),
      [
        ...description.flatMap((d) => (d.cite ? [d.cite] : [])),
        ...entityClaims.flatMap((c) => c.versions.flatMap((v) => v.cites)),
      ].map((c) => ({ ...c, ...citedSpans.get(c)!, sentence: c.sentence })),
    );
    const mentionsByArticle: Record<string, number> = {};
    for (const r of references)
      mentionsByArticle[r.article] = (mentionsByArticle[r.article] ?? 0) + 1;
    kbEntities.push({
      id: e.id,
      name: e.name,
      category: e.category,
      aliases: [
        ...new Set(
          e.aliases
            .filter((a) => a.evidence !== 'corpus' && !a.misspelling)
            .map((a) => a.text)
            .filter((t) => t !== e.name),
        ),
      ],
      description: description.flatMap((d) => (d.cite ? [{ text: d.text, cite: d.cite }] : [])),
      sources: pickSourceSentences(
        e.id,
        own,
        articles,
        entityCountPerSentence,
        garbledByArticle,
        excludedByArticle,
        speakers,
      ),
      related: related.get(e.id) ?? [],
      mentionCount: references.length,
      mentionsByArticle,
      claims: entityClaims,
    });
  }

  const articleOrder = new Map(articles.map((a, i) => [a.id, i]));
  const kbMentions: KbMention[] = mentions
    .map((m): KbMention => [m.entity, m.article, m.block, m.sentence, m.start, m.end])
    .sort(
      (a, b) => articleOrder.get(a[1])! - articleOrder.get(b[1])! || a[2] - b[2] || a[4] - b[4],
    );

  const entityIndex = new Map(kbEntities.map((e, i) => [e.id, i]));
  const toMatcherAliases = (list: readonly AliasInfo[]): MatcherAlias[] =>
    list.flatMap(({ text, entity, match, evidence }): MatcherAlias[] => {
      const i = entityIndex.get(entity);
      if (i === undefined) return [];
      return [evidence === 'strong' ? [text, i, match] : [text, i, match, evidence]];
    });

  return {
    errors,
    offTopic,
    kb: {
      articles: articles.map((a) => ({
        ...a,
        blocks: a.blocks.map((b) => ({
          ...b,
          sentences: b.sentences.map(([s, t]) => [s, t] as [number, number]),
        })),
        garbledSentences: garbledByArticle
          .get(a.id)!
          .flatMap((g) =>
            a.blocks[g.block]!.sentences.flatMap(([start, end], sentence) =>
              start < g.end && g.start < end
                ? [{ article: a.id, block: g.block, sentence, means: g.means }]
                : [],
            ),
          ),
      })),
      references: toMatcherAliases(aliases.filter((a) => a.evidence === 'corpus')),
      entities: kbEntities,
      mentions: kbMentions,
    },
    matcher: withPackedTrie({
      entities: kbEntities.map(({ id, category }) =>
        entityById.get(id)!.broad ? [id, category, 1] : [id, category],
      ),
      aliases: toMatcherAliases(aliases.filter((a) => a.evidence !== 'corpus')),
      notEntities: notEntities.map((p) => p.text),
      dates: Object.fromEntries(
        kbEntities.flatMap(({ id }) => {
          const date = entityById.get(id)!.date;
          return date ? [[id, date]] : [];
        }),
      ),
    }),
  };
}

/**
 * A misspelling the articles use is hidden from the card's names, so the card's own text
 * must show it (a clause or a spelling claim), or a reader meets it in a quote unexplained.
 */
function unexplainedMisspellings(
  e: CatalogEntity & { file: string },
  claims: readonly KbClaim[],
): string[] {
  const texts = [
    ...e.description.map((c) => c.text),
    ...claims.flatMap((c) => c.versions.map((v) => v.value)),
  ].map(normalizeFolded);
  return e.aliases
    .filter((a) => a.misspelling && !a.outside)
    .filter((a) => !texts.some((t) => t.includes(normalizeFolded(a.text))))
    .map(
      (a) =>
        `${e.file}: entity "${e.id}": alias "${a.text}" is a misspelling the articles use, so the card must show it: quote it in a clause or a spelling claim`,
    );
}

/** A claim version's value as compared for sameness: case, typography and punctuation aside. */
function claimValueKey(value: string): string {
  return normalizeFolded(value)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Every place an article refers to the entity: its located mentions (the build passes
 * those outside garbled passages), and each sentence a card cites about it that names it
 * in a way no alias catches ("the Islamic State’s last stronghold in Syria" for Baghuz)
 * or that a longer name swallows ("the Kerman bombings"). The footer counts these, so it
 * never counts fewer articles than the card cites; a cited garbled passage counts, since
 * the card shows it, marked. A quote over several sentences is one reference, and none
 * beyond the mention it holds.
 */
function referencesOf(mentions: readonly Passage[], cites: readonly Passage[]): SentenceRef[] {
  const key = (r: SentenceRef) => `${r.article}#${r.block}#${r.sentence}`;
  const seen = new Set(mentions.map(key));
  const unnamed: SentenceRef[] = [];
  for (const cite of cites) {
    if (seen.has(key(cite))) continue;
    const holds = (m: Passage) =>
      m.article === cite.article &&
      m.block === cite.block &&
      cite.start <= m.start &&
      m.end <= cite.end;
    if (mentions.some(holds)) continue;
    seen.add(key(cite));
    unnamed.push(cite);
  }
  return [...mentions, ...unnamed];
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
