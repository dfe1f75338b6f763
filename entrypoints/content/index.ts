import { answerPageCapture } from '@/lib/capture/page-capture';
import { mountCardHost } from '@/lib/card/card-host';
import { loadMatcherData } from '@/lib/kb/load';
import { ask } from '@/lib/messaging/client';
import { cachedCards } from '@/lib/page/card-cache';
import { PageController } from '@/lib/page/controller';
import { afterLoad } from '@/lib/page/scheduler';
import { siteChrome } from '@/lib/page/site-chrome';
import { getCardRenderer } from '#card-ui-loader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT also announces each start with window.postMessage, which reaches the page's own
  // message listeners; the document event it dispatches as well is all it needs.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Nothing before the load event has fired: start-up must never push it back.
    await afterLoad(window);
    if (ctx.isInvalid) return;
    const cards = cachedCards((entity) => ask({ type: 'getCard', entity }));
    const controller = new PageController({
      document,
      matcherData: loadMatcherData(),
      signal: ctx.signal,
      top: window === window.top,
      // The site around the article: menus, banners, footers, rails.
      exclude: siteChrome(document),
      loadCard: cards.get,
      openSource: (ref) => void ask({ type: 'openReader', ref }),
      mountCard: () => mountCardHost(document, getCardRenderer, ctx.signal),
    });
    if (window === window.top) answerPageCapture(document, ctx.signal, cards.clear);
    await controller.start();
  },
});
