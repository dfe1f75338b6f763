import { afterLoadSettled } from '@/lib/page/settle';
import { getPageRunner } from '#page-runner-loader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT also announces each start with window.postMessage, which reaches the page's own
  // message listeners; the document event it dispatches as well is all it needs.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Nothing before the load event has fired (start-up must never push it back), nor while
    // the page is still busy building its DOM; the engine is not even loaded until then.
    if (!(await afterLoadSettled(window, { signal: ctx.signal })) || ctx.isInvalid) return;
    const runPage = await getPageRunner();
    if (ctx.isInvalid) return;
    await runPage({ signal: ctx.signal });
  },
});
