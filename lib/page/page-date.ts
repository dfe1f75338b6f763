/**
 * The date a page says it was published, from its metadata or its byline: the
 * evidence policy does not link an event to a page written before it happened
 * (a 2014 "Gaza war" is not the 2023 one). DOM reads only, once per page.
 */

/** Metadata names, most specific first (Open Graph article, schema.org, then site conventions). */
const META_NAMES = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publish-date',
  'DC.date.issued',
  'dcterms.created',
  'date',
];

/** `2023-11-09`, `2024-04-30 16:00:34 +02:00`, `2016-09-19T11:46:01.000Z`: the calendar date as written. */
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/;

function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? ISO_DATE.exec(value) : null;
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

/**
 * The first dated value of each metadata name, from one pass over the page's `meta`
 * elements: a selector per name and attribute walks the whole document each time (30
 * walks of a large app's DOM, in every frame the content script starts in). Sites put
 * the date in `content`, some (React Helmet) in `value`.
 */
function metaDays(doc: Document): Map<string, string> {
  const days = new Map<string, string>();
  const wanted = new Set(META_NAMES);
  for (const meta of doc.getElementsByTagName('meta')) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const name = meta.getAttribute(attr);
      if (name === null || !wanted.has(name) || days.has(name)) continue;
      const day = isoDay(meta.getAttribute('content') ?? meta.getAttribute('value'));
      if (day) days.set(name, day);
    }
  }
  return days;
}

/** schema.org types of a page's own text (a video or an image on it has its own date). */
const ARTICLE_TYPE = /(Article|BlogPosting|LiveBlogPosting|ReportageNews|NewsArticle)$/;

/** The page's JSON-LD `datePublished`: an article's if it has one, else the first given. */
function jsonLdDate(doc: Document): string | undefined {
  let any: string | undefined;
  const visit = (node: unknown, depth: number): string | undefined => {
    if (depth > 8 || typeof node !== 'object' || node === null) return undefined;
    const items: unknown[] = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) {
      const record = node as Record<string, unknown>;
      const day =
        typeof record.datePublished === 'string' ? isoDay(record.datePublished) : undefined;
      const types = ([] as unknown[]).concat(record['@type']);
      if (day && types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return day;
      any ??= day;
    }
    for (const item of items) {
      const found = visit(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      // A broken block on the page says nothing; the next one may.
      continue;
    }
    const found = visit(data, 0);
    if (found) return found;
  }
  return any;
}

/** The byline's `<time>`: schema.org markup first, then the first dated `time` of the article. */
function bylineDate(doc: Document): string | undefined {
  for (const el of doc.querySelectorAll('[itemprop="datePublished"], time[pubdate]')) {
    const day = isoDay(el.getAttribute('datetime') ?? el.getAttribute('content'));
    if (day) return day;
  }
  const time = doc.querySelector(
    'article time[datetime], main time[datetime], [role=main] time[datetime]',
  );
  return isoDay(time?.getAttribute('datetime'));
}

/** The page's publication day (`YYYY-MM-DD`), or undefined when it states none. */
export function readPageDate(doc: Document): string | undefined {
  const days = metaDays(doc);
  for (const name of META_NAMES) {
    const day = days.get(name);
    if (day) return day;
  }
  return jsonLdDate(doc) ?? bylineDate(doc);
}
