import type { Plugin } from 'vite';

/**
 * Removes Preact's only raw-HTML sink, the `dangerouslySetInnerHTML` branch of its diff
 * (`dom.innerHTML = newProps.dangerouslySetInnerHTML.__html`), from the bundles.
 *
 * Backstory never renders raw HTML: every card is built from text nodes. Keeping the sink anyway
 * would leave a dynamic `innerHTML` assignment in a content script that runs on every page, and
 * addons.mozilla.org's linter (`web-ext lint`, rule no-unsanitized/property) reports it as
 * UNSAFE_VAR_ASSIGNMENT in every file that bundles Preact. The linter has no inline suppression,
 * so the honest fix is to not ship the sink: the branch now throws, so a future
 * `dangerouslySetInnerHTML` fails loudly instead of quietly reintroducing it.
 *
 * The pattern matches Preact 10's published ESM builds (`dist/preact.mjs`, `dist/preact.module.js`).
 * If an upgrade reshapes that code the build fails here, rather than the warning coming back.
 */
const PREACT_ESM = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:mjs|module\.js)$/;
const SINK = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;
const REPLACEMENT =
  '(()=>{throw new Error("Backstory renders no raw HTML: dangerouslySetInnerHTML is disabled")})()';

export function preactWithoutRawHtml(): Plugin {
  return {
    name: 'backstory:preact-without-raw-html',
    transform(code, id) {
      if (!PREACT_ESM.test(id.split('?')[0] ?? id)) return null;
      const sinks = code.match(SINK)?.length ?? 0;
      if (sinks !== 1) {
        this.error(
          `Expected exactly one dangerouslySetInnerHTML sink in ${id}, found ${sinks}: ` +
            'update scripts/preact-no-raw-html.ts for this Preact version.',
        );
      }
      return { code: code.replace(SINK, REPLACEMENT), map: null };
    },
  };
}
