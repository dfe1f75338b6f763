import { scratchRange } from './scratch-range';

/**
 * Keyboard stepping (Alt+Shift+. and ,): entity by entity, from where the reader
 * is. Pure functions over mentions in page order, so they are tested without a page.
 */

/** A boundary point: where a mention, a selection or the last card starts or ends. */
export interface Place {
  node: Node;
  offset: number;
}

interface Stoppable {
  entity: string;
  /** Where the mention lies (a static range: comparing must not make live ones). */
  bounds: AbstractRange;
}

/**
 * Where stepping stops: each entity once, at its first mention on the page (with
 * the default marking, exactly the marked mentions), in page order.
 */
export function entityStops<M extends Stoppable>(mentions: readonly M[]): M[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.entity) && (seen.add(m.entity), true));
}

/** The outermost node of `node` in the document tree (its host, for a node in a shadow tree). */
function lift(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode())
    n = root.host;
  return n;
}

/** Document order of two points, across shadow trees; 0 when they cannot be told apart. */
export function comparePlaces(a: Place, b: Place): number {
  if (a.node.getRootNode() === b.node.getRootNode()) {
    const range = scratchRange(a.node.ownerDocument ?? (a.node as Document));
    range.setStart(a.node, a.offset);
    range.collapse(true);
    return range.comparePoint(b.node, b.offset) * -1;
  }
  const la = lift(a.node);
  const lb = lift(b.node);
  if (la === lb) return 0;
  const pos = la.compareDocumentPosition(lb);
  if (pos & la.DOCUMENT_POSITION_CONTAINED_BY) return a.node === la ? -1 : 1;
  if (pos & la.DOCUMENT_POSITION_CONTAINS) return b.node === lb ? 1 : -1;
  return pos & la.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

const startOf = (r: AbstractRange): Place => ({ node: r.startContainer, offset: r.startOffset });
const endOf = (r: AbstractRange): Place => ({ node: r.endContainer, offset: r.endOffset });

/**
 * The stop after (direction 1) or before (-1) the reader's place, wrapping around.
 * A place that is a range (a selection, the last card's mention) counts a stop
 * inside it as the next one in either direction — a selected name is stepped to
 * first — but not the mention the last card was for (`exclude`).
 */
export function nextStop<M extends Stoppable>(
  stops: readonly M[],
  place: AbstractRange | null,
  direction: 1 | -1,
  exclude?: AbstractRange,
): M | undefined {
  if (stops.length === 0) return undefined;
  const same = (m: M) =>
    exclude !== undefined && comparePlaces(startOf(m.bounds), startOf(exclude)) === 0;
  if (!place) return direction === 1 ? stops[0] : stops[stops.length - 1];
  if (direction === 1) {
    const after = stops.find((m) => !same(m) && comparePlaces(endOf(m.bounds), startOf(place)) > 0);
    return after ?? stops.find((m) => !same(m)) ?? stops[0];
  }
  const before = stops.findLast(
    (m) => !same(m) && comparePlaces(startOf(m.bounds), endOf(place)) < 0,
  );
  return before ?? stops.findLast((m) => !same(m)) ?? stops[stops.length - 1];
}
