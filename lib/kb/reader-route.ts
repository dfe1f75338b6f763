import type { KbArticle } from './schema';

/**
 * The reader's location lives in the URL hash (`#article=<id>&block=<b>&sentence=<s>`), so a
 * card's "Read in source" can open the page at a sentence and the back button still works.
 */
export interface ReaderRoute {
  article?: string;
  block?: number;
  sentence?: number;
}

function index(value: string | null): number | undefined {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

export function parseRoute(hash: string): ReaderRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const article = params.get('article') || undefined;
  const block = index(params.get('block'));
  const sentence = index(params.get('sentence'));
  // A sentence without its block names nothing.
  if (article === undefined || block === undefined) return { article };
  return sentence === undefined ? { article, block } : { article, block, sentence };
}

/** Also takes a SentenceRef, which is a complete route. */
export function formatRoute(route: ReaderRoute): string {
  const params = new URLSearchParams();
  if (route.article !== undefined) params.set('article', route.article);
  if (route.article !== undefined && route.block !== undefined) {
    params.set('block', String(route.block));
    if (route.sentence !== undefined) params.set('sentence', String(route.sentence));
  }
  const query = params.toString();
  return query ? `#${query}` : '';
}

/** What the reader can show: a bundled article or one from the reader's library. */
export interface RoutableArticle {
  id: string;
  blocks: readonly { sentences: readonly unknown[] }[];
}

export interface ReaderView<A extends RoutableArticle = KbArticle> {
  article: A;
  /** The sentence to bring into view and highlight. */
  target?: { block: number; sentence: number };
  /** Why the route could not be followed exactly, for the reader to read. */
  problem?: string;
}

/** What to show for `route`; falls back to the first article. `articles` must not be empty. */
export function resolveRoute<A extends RoutableArticle>(
  articles: readonly A[],
  route: ReaderRoute,
): ReaderView<A> {
  const first = articles[0];
  if (!first) throw new Error('resolveRoute needs at least one article');
  if (route.article === undefined) return { article: first };
  const article = articles.find((a) => a.id === route.article);
  if (!article) {
    return { article: first, problem: `There is no article “${route.article}” in the library.` };
  }
  if (route.block === undefined) return { article };
  const block = article.blocks[route.block];
  const sentence = route.sentence ?? 0;
  if (!block || sentence >= block.sentences.length) {
    return { article, problem: 'The linked passage is not in this article.' };
  }
  return { article, target: { block: route.block, sentence } };
}
