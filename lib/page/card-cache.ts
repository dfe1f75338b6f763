import type { CardData } from '../kb/card-data';

/**
 * Each entity's card asked for once per page; a failed request (the background
 * restarting) is asked again next time. `clear` forgets them all (the library changed).
 */
export function cachedCards(load: (entity: string) => Promise<CardData | null>) {
  const cards = new Map<string, Promise<CardData | null>>();
  return {
    get(entity: string): Promise<CardData | null> {
      let card = cards.get(entity);
      if (!card) {
        card = load(entity);
        cards.set(entity, card);
        card.catch(() => cards.delete(entity));
      }
      return card;
    },
    clear: () => cards.clear(),
  };
}
