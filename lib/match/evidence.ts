import type { Evidence } from '../catalog/schema';

/**
 * Which candidate mentions are ours: one policy for the KB build (per article) and
 * the page (per document). The matcher finds surface forms; this decides, from the
 * whole page, whether each one means the entity of the corpus.
 *
 * A page is **on topic** when it has strong mentions of at least
 * `TOPIC_MIN_ENTITIES` different specific (not broad) entities, or at least
 * `TOPIC_MIN_MENTIONS` strong mentions of one. On every page:
 * - a `strong` mention counts;
 * - a `supported` mention counts on a page on topic, or after a strong mention of
 *   the same entity ("Basit" after "Abdul Basit");
 * - a `corpus` mention counts (such aliases are only ever matched in the corpus);
 * - a broad entity (countries, major cities, generic institutions) counts only as
 *   `broadMode` says: on a page on topic, always, or never;
 * - an event dated after the page is not linked;
 * - an acronym the page defines as something else is not ours anywhere on it.
 */

/** How broad entities are linked; the setting "broad places and institutions" offers these. */
export const broadModes = ['topic', 'always', 'never'] as const;
export type BroadMode = (typeof broadModes)[number];

export interface PageContext {
  broadMode: BroadMode;
  /** When the page says it was published (ISO 8601, day, month or year), if it does. */
  pageDate?: string | undefined;
}

export const DEFAULT_PAGE_CONTEXT: PageContext = { broadMode: 'topic' };

export interface EntityTraits {
  broad: boolean;
  /** Events: the earliest day a text can refer to it (ISO 8601). */
  date?: string | undefined;
}

/**
 * Two specific entities, or three mentions of one. Measured on the 33 real pages
 * of `../shared/real-pages` (read as whole pages): 9 of the 14 pages about the
 * corpus's subjects are on topic (Hamas and the Gaza war; Assad and the Syrian
 * civil war; the Taliban 9 times; Hamas 71 times in a live blog), the other 5 name
 * no specific entity or one once; of the 19 pages on other subjects only a portal
 * front page is, whose headlines name Putin and Hamas. A single passing mention
 * ("Hamas" in a fisheries page's sidebar, "invasion of Ukraine" on an economy page)
 * is not enough: one entity once would put those pages, and their places, on topic.
 */
const TOPIC_MIN_ENTITIES = 2;
const TOPIC_MIN_MENTIONS = 3;

/** Whether a page dated `pageDate` is earlier than `date`, at the precision both give. */
export function isBefore(pageDate: string, date: string): boolean {
  const n = Math.min(pageDate.length, date.length);
  return pageDate.slice(0, n) < date.slice(0, n);
}

/**
 * The policy's state for one page. Feed it every candidate in document order twice:
 * `observe` all of them, then `accept` each. It allocates nothing per mention, so
 * the page can run it over flat storage after every batch.
 */
export class EvidenceJudge<E> {
  private readonly redefined = new Set<number>();
  /** Strong aliases of specific entities seen on the page: their entity and how often. */
  private readonly specific = new Map<number, { entity: E; count: number }>();
  private readonly strongSeen = new Set<E>();

  constructor(
    private readonly traitsOf: (entity: E) => EntityTraits,
    private readonly context: PageContext,
  ) {}

  private excluded(entity: E, alias: number): boolean {
    const { date } = this.traitsOf(entity);
    const { pageDate } = this.context;
    return this.redefined.has(alias) || (!!date && !!pageDate && isBefore(pageDate, date));
  }

  /** First pass: what the page as a whole says (topic, redefined acronyms). */
  observe(entity: E, alias: number, evidence: Evidence, redefined: boolean): void {
    if (redefined) this.redefined.add(alias);
    else if (evidence === 'strong' && !this.traitsOf(entity).broad) {
      const seen = this.specific.get(alias);
      if (seen) seen.count++;
      else this.specific.set(alias, { entity, count: 1 });
    }
  }

  /** After the first pass: whether the page is on the corpus's topic. */
  get onTopic(): boolean {
    const counts = new Map<E, number>();
    for (const [alias, { entity, count }] of this.specific) {
      if (!this.excluded(entity, alias)) counts.set(entity, (counts.get(entity) ?? 0) + count);
    }
    if (counts.size >= TOPIC_MIN_ENTITIES) return true;
    for (const count of counts.values()) if (count >= TOPIC_MIN_MENTIONS) return true;
    return false;
  }

  /** Second pass, in the same order: whether this mention is ours. */
  accept(entity: E, alias: number, evidence: Evidence, onTopic: boolean): boolean {
    if (this.excluded(entity, alias)) return false;
    if (this.traitsOf(entity).broad) {
      const { broadMode } = this.context;
      if (broadMode === 'never' || (broadMode === 'topic' && !onTopic)) return false;
    }
    if (evidence === 'supported') return onTopic || this.strongSeen.has(entity);
    if (evidence === 'strong') this.strongSeen.add(entity);
    return true;
  }
}

export interface JudgedMention<E> {
  entity: E;
  alias: number;
  evidence: Evidence;
  redefined: boolean;
}

/** The mentions of one page or article (document order) that the policy accepts. */
export function applyEvidence<E, M extends JudgedMention<E>>(
  mentions: readonly M[],
  traitsOf: (entity: E) => EntityTraits,
  context: PageContext,
): M[] {
  const judge = new EvidenceJudge(traitsOf, context);
  for (const m of mentions) judge.observe(m.entity, m.alias, m.evidence, m.redefined);
  const onTopic = judge.onTopic;
  return mentions.filter((m) => judge.accept(m.entity, m.alias, m.evidence, onTopic));
}
