import type { ArticleMeta } from '../corpus/schema';
import type { PassageCredit } from '../kb/credit';

/**
 * Editorial checks on one description clause against the passage it cites. Each returns
 * the problem in words, or undefined; the build prefixes file, entity and clause.
 */

/** Figures as written, without thousands separators: "1,100" → "1100", "4,000–6,000" → two. */
function figuresIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((f) => f.replace(/,(?=\d{3}\b)/g, ''));
}

/**
 * Figures a clause may state that its quote does not: time anchors. Cards turn an
 * article's "this year" and "last June" into years, so the article's year and the one
 * before are allowed, as are the figures of its date and date basis ("22 March 2024").
 */
function dateFigures(article: Pick<ArticleMeta, 'date' | 'dateBasis'>): Set<string> {
  const year = Number(article.date.slice(0, 4));
  return new Set([
    ...figuresIn(article.date),
    ...figuresIn(article.dateBasis),
    String(year),
    String(year - 1),
  ]);
}

/** Every figure in the clause must be in its quote (or be the article's date). */
export function checkFigures(
  clause: string,
  quote: string,
  article: Pick<ArticleMeta, 'date' | 'dateBasis'>,
): string | undefined {
  const inQuote = new Set(figuresIn(quote));
  const allowed = dateFigures(article);
  const missing = figuresIn(clause).filter((f) => !inQuote.has(f) && !allowed.has(f));
  return missing.length > 0
    ? `states ${missing.map((f) => `“${f}”`).join(', ')}, which the cited quote does not contain`
    : undefined;
}

/**
 * A clause drawn from an opinion column names its author ("Alamuddin argues…"), or
 * continues, after a comma, a clause that did (`carried`), or sits on the author's own card.
 */
export function checkOpinionAttributed(
  clause: string,
  credit: PassageCredit,
  authors: readonly string[],
  context: { carried: boolean; entityName: string },
): string | undefined {
  if (credit.kind !== 'opinion column' || context.carried) return undefined;
  const surnames = authors.map((a) => a.split(/\s+/).at(-1)!);
  if (surnames.some((s) => clause.includes(s) || context.entityName.includes(s))) return undefined;
  return (
    `cites an opinion column (${credit.credit}) without attributing it to ` +
    (surnames.length > 0 ? surnames.join(' or ') : 'its author') +
    ' in the text'
  );
}

/** Whether the next clause of the same article continues this clause's attribution. */
export function carriesAttribution(clause: string): boolean {
  return !/[.;:]\s*$/.test(clause);
}

const ATTRIBUTION_BEFORE = /\b(?:according to|told|by|via|for|to)\s+$/i;
const ATTRIBUTION_AFTER =
  /^[’']?s?\s*(?:says|said|reports|reported|argues|argued|writes|wrote|counts|lists|calls|called|describes|described|gives|quotes|quoted|notes|puts)\b/i;

/**
 * A clause that credits an outlet in words ("according to Arab News", "told Arab News")
 * must credit the one whose words it cites: the Al Jazeera section of an Arab News
 * compilation is Al Jazeera's.
 */
export function checkOutletCredit(
  clause: string,
  credit: PassageCredit,
  outlets: readonly string[],
): string | undefined {
  for (const outlet of outlets) {
    if (outlet === credit.outlet) continue;
    let from = 0;
    for (;;) {
      const at = clause.indexOf(outlet, from);
      if (at === -1) break;
      from = at + outlet.length;
      if (
        ATTRIBUTION_BEFORE.test(clause.slice(0, at)) ||
        ATTRIBUTION_AFTER.test(clause.slice(from))
      ) {
        return `credits ${outlet}, but the cited passage is ${credit.outlet}'s (${credit.credit})`;
      }
    }
  }
  return undefined;
}

/** A span of a block's text and the sentences it runs over (first and last, by index). */
export interface SentenceSpan {
  block: number;
  start: number;
  end: number;
  sentence: number;
  lastSentence: number;
}

/** How a citation says it stands to the garbled passages of its article. */
export interface GarbleMark {
  garbled?: true;
  besideGarbled?: true;
}

const sharesSentence = (a: SentenceSpan, b: SentenceSpan) =>
  a.block === b.block && a.sentence <= b.lastSentence && b.sentence <= a.lastSentence;

const overlapsText = (a: SentenceSpan, b: SentenceSpan) =>
  a.block === b.block && a.start < b.end && b.start < a.end;

/**
 * A citation that overlaps a garbled passage says so (`garbled`), and one that only shares
 * a sentence with one says that too (`besideGarbled`): a quote can stop just before the
 * garbled words (“…assessment leaked last year found that”) while its clause restates
 * them, so whoever cites must read the whole sentence either way, as the reader's view
 * marks it whole.
 */
export function checkGarbleMark(
  article: string,
  quote: string,
  mark: GarbleMark,
  span: SentenceSpan,
  garbled: readonly SentenceSpan[],
): string | undefined {
  if (mark.garbled && mark.besideGarbled) return 'is marked both "garbled" and "besideGarbled"';
  const inside = garbled.some((g) => overlapsText(g, span));
  const beside = !inside && garbled.some((g) => sharesSentence(g, span));
  if (inside && !mark.garbled) {
    return `quotes a garbled passage of "${article}" (“${quote}”); cite a clean passage, or mark the citation "garbled": true and say what the copy appears to mean`;
  }
  if (beside && !mark.besideGarbled) {
    return `quotes a sentence of "${article}" that holds a garbled passage (“${quote}”); if the clause rests on any of the garbled words, quote them and mark the citation "garbled": true, and if it rests on the quoted words alone, mark it "besideGarbled": true`;
  }
  if (mark.garbled && !inside) {
    return `is marked garbled, but “${quote}” overlaps no garbled passage`;
  }
  if (mark.besideGarbled && !beside) {
    return `is marked "besideGarbled", but “${quote}” shares no sentence with a garbled passage`;
  }
  return undefined;
}
