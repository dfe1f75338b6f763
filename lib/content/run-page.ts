import { answerPageCapture } from '../capture/page-capture';
import { mountCardHost } from '../card/card-host';
import { loadMatcherData } from '../kb/load';
import { ask } from '../messaging/client';
import { cachedCards } from '../page/card-cache';
import { PageController } from '../page/controller';
import { siteChrome } from '../page/site-chrome';
import { getCardRenderer } from '#card-ui-loader';

/** What the content script hands the engine once the page has settled. */
export interface PageRun {
  /** Aborts when the content script is invalidated (the extension updated or removed). */
  signal: AbortSignal;
  /**
   * Resolves once the page has settled (false if it never will). The top frame's engine
   * starts before then, so that the settings are read while the page settles.
   */
  settled: Promise<boolean>;
}

/** Runs Backstory on this frame's document until `signal` aborts. */
export async function runPage({ signal, settled }: PageRun): Promise<void> {
  const top = window === window.top;
  const cards = cachedCards((entity) => ask({ type: 'getCard', entity }));
  const controller = new PageController({
    document,
    matcherData: loadMatcherData(),
    signal,
    settled,
    top,
    // The site around the article: menus, banners, footers, rails.
    exclude: siteChrome(document),
    loadCard: cards.get,
    openSource: (ref) => void ask({ type: 'openReader', ref }),
    mountCard: () => mountCardHost(document, getCardRenderer, signal),
  });
  if (top) answerPageCapture(document, signal, cards.clear);
  await controller.start();
}
