import type { Plugin } from 'vite';

/**
 * Rewrites Readability's two `innerHTML` assignments into node copies, for the same reason
 * as preact-no-raw-html.ts: addons.mozilla.org's linter reports every dynamic `innerHTML`
 * assignment (UNSAFE_VAR_ASSIGNMENT) and has no inline suppression.
 *
 * - Between attempts Readability restores the page from its serialized HTML; a deep clone
 *   of the children restores the same nodes without parsing anything.
 * - It re-parses a `<noscript>`'s HTML to find a lazy-loaded image. The library keeps only
 *   text, so the children are copied as they are (in a live page they are one text node,
 *   and the image is simply not unwrapped).
 *
 * The patterns match Readability 0.6's published source; an upgrade that reshapes it fails
 * the build here instead of bringing the warnings back.
 */
const READABILITY = /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

const REWRITES: [RegExp, string][] = [
  [/var pageCacheHtml = page\.innerHTML;/, 'var pageCache = page.cloneNode(true);'],
  [
    /page\.innerHTML = pageCacheHtml;/,
    'page.replaceChildren(...Array.from(pageCache.cloneNode(true).childNodes));',
  ],
  [
    /tmp\.innerHTML = noscript\.innerHTML;/,
    'tmp.replaceChildren(...Array.from(noscript.childNodes, (n) => n.cloneNode(true)));',
  ],
];

export function readabilityWithoutInnerHtml(): Plugin {
  return {
    name: 'backstory:readability-without-inner-html',
    transform(code, id) {
      if (!READABILITY.test(id.split('?')[0] ?? id)) return null;
      let out = code;
      for (const [pattern, replacement] of REWRITES) {
        if (!pattern.test(out)) {
          this.error(
            `Expected ${String(pattern)} in ${id}: update scripts/readability-without-inner-html.ts for this Readability version.`,
          );
        }
        out = out.replace(pattern, replacement);
      }
      if (/\.innerHTML\s*=[^=]/.test(out)) {
        this.error(
          `${id} still assigns innerHTML: update scripts/readability-without-inner-html.ts.`,
        );
      }
      return { code: out, map: null };
    },
  };
}
