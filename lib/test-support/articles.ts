import { parseBlocks } from '../corpus/blocks';
import type { Article } from '../corpus/schema';
import type { KbArticle } from '../kb/schema';

/** A corpus article for tests: plain metadata, the given text split as the build splits it. */
export function corpusArticle(id: string, text: string, over: Partial<Article> = {}): Article {
  return {
    id,
    seed: `${id}.txt`,
    outlet: 'Outlet',
    title: `Title of ${id}`,
    titleInSource: true,
    authors: [],
    date: '2024-03',
    dateBasis: 'test data',
    kind: 'news report',
    sections: [],
    notForSources: [],
    garbled: [],
    blocks: parseBlocks(text),
    ...over,
  };
}

/** The same article as the shipped knowledge base holds it. */
export function kbArticle(id: string, text: string): KbArticle {
  const article = corpusArticle(id, text);
  return {
    ...article,
    garbledSentences: [],
    blocks: article.blocks.map((b) => ({ ...b, sentences: b.sentences.map(([s, e]) => [s, e]) })),
  };
}
