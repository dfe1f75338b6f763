import '@/lib/ui/card.css';
import '@/lib/ui/popover.css';
import { categories } from '@/lib/catalog/schema';
import { loadMatcherData } from '@/lib/kb/load';
import { ask, listen } from '@/lib/messaging';
import { PageEngine } from '@/lib/page/engine';
import { HoverCards } from '@/lib/page/hover-cards';
import type { CardData } from '@/lib/ui/card-data';

const CARD_HOST = 'backstory-card';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const signal = ctx.signal;
    const engine = new PageEngine({
      document,
      matcherData: loadMatcherData(),
      display: {
        marking: 'first',
        categories: Object.fromEntries(categories.map((c) => [c, true])) as Record<
          (typeof categories)[number],
          boolean
        >,
      },
      exclude: (el) => el.localName === CARD_HOST,
      signal,
    });

    const cards = new Map<string, Promise<CardData | null>>();
    const hover = new HoverCards({
      document,
      engine,
      signal,
      loadCard: (entity) => {
        let card = cards.get(entity);
        if (!card) {
          card = ask({ type: 'getCard', entity });
          cards.set(entity, card);
        }
        return card;
      },
      openSource: (ref) => void ask({ type: 'openReader', ref }),
      mountCard: async () => {
        const ui = await createShadowRootUi(ctx, {
          name: CARD_HOST,
          position: 'inline',
          anchor: 'html',
          onMount: () => undefined,
        });
        ui.mount();
        // Page styles may target every element with !important; inline !important still wins.
        for (const [prop, value] of [
          ['position', 'fixed'],
          ['top', '0'],
          ['left', '0'],
          ['width', '0'],
          ['height', '0'],
          ['display', 'block'],
          ['visibility', 'visible'],
          ['z-index', '2147483647'],
        ] as const) {
          ui.shadowHost.style.setProperty(prop, value, 'important');
        }
        return { host: ui.shadowHost, container: ui.uiContainer };
      },
    });

    listen(
      {
        stepMention: ({ direction }) => {
          if (window === window.top) hover.step(direction);
          return null;
        },
      },
      signal,
    );

    await engine.start();
  },
});
