import type { Category } from '../catalog/category';
import type { KnowledgeBase } from '../kb/schema';
import type { Response } from '../messaging/messages';
import type { Settings } from '../settings/schema';

export type PageMentions = Response<'pageMentions'>;

export interface PageEntity {
  id: string;
  name: string;
  category: Category;
  count: number;
}

/**
 * What the popup lists under "On this page": the entities the content script
 * found, named from the KB, most mentioned first, leaving out the categories the
 * user hides (the page stops marking them at once; the popup should agree).
 */
export function pageEntities(
  kb: Pick<KnowledgeBase, 'entities'>,
  mentions: PageMentions,
  categories: Settings['categories'],
): PageEntity[] {
  const byId = new Map(kb.entities.map((e) => [e.id, e]));
  return mentions.entities
    .flatMap(({ id, count }) => {
      const entity = byId.get(id);
      return entity && categories[entity.category]
        ? [{ id, name: entity.name, category: entity.category, count }]
        : [];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
