import '@/lib/card/card.css';
import '@/lib/card/popover.css';
import { matcherDataInSteps } from '@/lib/kb/load';
import { answerPageCapture } from '@/lib/capture/page-capture';
import { ask } from '@/lib/messaging/client';
import { createLiveRegion } from '@/lib/page/announcer';
import { followFullscreen } from '@/lib/card/card-host';
import { PageController } from '@/lib/page/controller';
import { MARKS_HOST } from '@/lib/page/forced-colors-marks';
import { afterLoad, runSliced } from '@/lib/page/scheduler';
import { siteChrome } from '@/lib/page/site-chrome';
import type { MatcherData } from '@/lib/kb/schema';
import type { CardData } from '@/lib/kb/card-data';
import { getCardRenderer } from '#card-ui-loader';

const CARD_HOST = 'backstory-card';

/** Inline !important beats even a page that forces styles on every element. */
const HOST_STYLE = {
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  display: 'block',
  visibility: 'visible',
  'z-index': '2147483647',
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  // WXT also announces each start with window.postMessage, which reaches the page's own
  // message listeners; the document event it dispatches as well is all it needs.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Nothing before the load event has fired: start-up must never push it back.
    await afterLoad(window);
    // Validating the bundled matcher data takes tens of ms: in idle periods, a piece at a time.
    const step = matcherDataInSteps();
    let matcherData: MatcherData | undefined;
    const loaded = await runSliced(
      (shouldYield) => {
        while (!(matcherData = step())) if (shouldYield()) return false;
        return true;
      },
      { signal: ctx.signal, view: window, priority: 'background' },
    );
    if (!loaded || !matcherData || ctx.isInvalid) return;
    const cards = new Map<string, Promise<CardData | null>>();
    const isChrome = siteChrome(document);
    const controller = new PageController({
      document,
      matcherData,
      signal: ctx.signal,
      top: window === window.top,
      // Our own UI, and the site around the article (menus, banners, footers, rails).
      exclude: (el) => el.localName === CARD_HOST || el.localName === MARKS_HOST || isChrome(el),
      loadCard: (entity) => {
        let card = cards.get(entity);
        if (!card) {
          card = ask({ type: 'getCard', entity });
          cards.set(entity, card);
          // A failed request (the background restarting) is asked again next time.
          card.catch(() => cards.delete(entity));
        }
        return card;
      },
      openSource: (ref) => void ask({ type: 'openReader', ref }),
      mountCard: async () => {
        const renderer = getCardRenderer();
        const ui = await createShadowRootUi(ctx, {
          name: CARD_HOST,
          position: 'inline',
          anchor: 'html',
          // WXT's own reset is `:host { all: initial !important }`, which beats the inline
          // styles below (and the zoom CardPopover sets); card.css resets without !important.
          inheritStyles: true,
          onMount: () => undefined,
        });
        ui.mount();
        for (const [prop, value] of Object.entries(HOST_STYLE)) {
          ui.shadowHost.style.setProperty(prop, value, 'important');
        }
        const live = createLiveRegion(document);
        ui.uiContainer.after(live);
        followFullscreen(ui.shadowHost, document, ctx.signal);
        return { host: ui.shadowHost, container: ui.uiContainer, live, renderer: await renderer };
      },
    });
    if (window === window.top) answerPageCapture(document, ctx.signal, () => cards.clear());
    await controller.start();
  },
});
