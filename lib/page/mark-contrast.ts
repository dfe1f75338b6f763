import type { MarkVariant } from './highlighter';
import { effectiveBackground, isDark, type Rgb } from './page-theme';

const LINK = 'a[href]';

/**
 * How a mark is drawn where it sits: the light or dark line colours, chosen from
 * the effective background behind the mention's own element, and over- rather than
 * underlined inside a link. Called when a block is painted (as it nears the
 * viewport), never while the page is read; `cache` shares the ancestors' answers.
 */
export function markVariantOf(range: AbstractRange, cache: WeakMap<Element, Rgb>): MarkVariant {
  const node = range.startContainer;
  const el = node instanceof Element ? node : node.parentElement;
  if (!el) return { onDark: false, inLink: false };
  return { onDark: isDark(effectiveBackground(el, cache)), inLink: el.closest(LINK) !== null };
}
