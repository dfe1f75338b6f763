import type { Category } from '../catalog/category';
import type { CardData } from '../kb/card-data';

/** A complete, valid card for `name`, with one sourced clause and one source sentence. */
export function testCard(id: string, name: string, category: Category): CardData {
  const cite = {
    credit: 'CNN',
    kind: 'news report' as const,
    date: 'March 2024',
    title: 'ISIS-K’s reach',
    titleInSource: true,
    text: `${name} was named in the report.`,
    ref: { article: 'cnn', block: 1, sentence: 0 },
  };
  return {
    id,
    name,
    category,
    aliases: [],
    description: [{ text: `${name}, as the articles describe it.`, cite }],
    sources: [cite],
    claims: [],
    related: [],
    mentionCount: 2,
    articleCount: 1,
    writtenIn: 'March 2024',
  };
}
