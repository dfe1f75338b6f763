/**
 * Page Previews for the keyboard: a link that receives keyboard focus and whose
 * text holds a mention shows that mention's card after the hover delay.
 */

const LINK = 'a[href], [role=link]';

/** The link keyboard focus just moved to, if the event is one (not a click's focus). */
export function keyboardFocusedLink(event: FocusEvent): Element | null {
  const target = event.composedPath()[0];
  if (!(target instanceof Element)) return null;
  const link = target.closest(LINK);
  if (!link || link !== target) return null;
  // A click focuses links too; only the keyboard's focus is an ask for a preview.
  return link.matches(':focus-visible') ? link : null;
}

/**
 * The first of `mentions` (in page order) whose text lies inside `el`. It reads their
 * static bounds: a live range made per mention would slow every later DOM change
 * (see scratch-range.ts).
 */
export function firstMentionIn<M extends { bounds: AbstractRange }>(
  el: Element,
  mentions: Iterable<M>,
): M | undefined {
  for (const m of mentions) if (el.contains(m.bounds.startContainer)) return m;
  return undefined;
}
