import { afterLoad } from '@/lib/page/scheduler';
import { afterLoadSettled } from '@/lib/page/settle';
import { timelineMark } from '@/lib/page/timeline';
import { getPageRunner } from '#page-runner-loader';

/** How long a page must go without adding or removing elements before it is read, ms. */
const TOP_QUIET_MS = 50;
const FRAME_QUIET_MS = 1_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // Chromium holds a page's load event back for a script injected at document_end or
  // document_idle, even an empty one, in proportion to the page (measured: 5 MB of text
  // loaded in 3.8 s instead of 1.6 s; at document_start, 1.5 s). The script only waits
  // for the load event there. Firefox bundles the engine into this script (see
  // page-runner-loader.bundled.ts), which would then be compiled before every page and
  // frame starts to parse: it keeps document_idle.
  runAt: { chrome: 'document_start', firefox: 'document_idle' },
  // WXT also announces each start with window.postMessage, which reaches the page's own
  // message listeners; the document event it dispatches as well is all it needs.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // The top frame is the page being read: its engine loads at the load event and reads the
    // settings while the page settles, then the page once it has. Other
    // frames (ads, widgets, an app's throwaway frames) load it only once they have been
    // quiet for a second: an app's frame can look quiet for 50 ms while it works (on a
    // canvas, or inside shadow roots, whose elements the document's count leaves out).
    const top = window === window.top;
    // Nothing before the load event has fired (start-up must never push it back), nor while
    // the page is still busy building its DOM.
    const settled = afterLoadSettled(window, {
      signal: ctx.signal,
      quietMs: top ? TOP_QUIET_MS : FRAME_QUIET_MS,
    }).then((ok) => {
      if (ok) timelineMark('backstory:settled');
      return ok && !ctx.isInvalid;
    });
    const start = top ? afterLoad(window).then(() => true) : settled;
    if (!(await start) || ctx.isInvalid) return;
    const runPage = await getPageRunner();
    if (ctx.isInvalid) return;
    timelineMark('backstory:engine-loaded');
    await runPage({ signal: ctx.signal, settled });
  },
});
