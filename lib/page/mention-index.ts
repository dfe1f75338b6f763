import type { Category } from '../catalog/schema';
import type { Matcher } from '../match/matcher';
import { normalizeText } from '../text/normalize';
import { rangeFor, type TextBlock } from './text-block';

/** One mention on the page: a live range and what it refers to. */
export interface PageMention {
  entity: string;
  category: Category;
  range: Range;
  /** Surname-only; valid only after a full mention (see `valid`). */
  weak: boolean;
  /** Counts as a mention (weak ones only after a full mention earlier on the page). */
  valid: boolean;
  /** The first valid mention of its entity on the page. */
  first: boolean;
  record: BlockRecord;
}

export interface BlockRecord {
  block: TextBlock;
  mentions: PageMention[];
}

/** Document order across shadow trees: compare the outermost hosts, then within the tree. */
function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const chain = (n: Node): Node[] => {
    const out = [n];
    let root = n.getRootNode();
    while (root instanceof ShadowRoot) {
      out.unshift(root.host);
      root = root.host.getRootNode();
    }
    return out;
  };
  const ca = chain(a);
  const cb = chain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const pos = x.compareDocumentPosition(y);
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  return ca.length - cb.length;
}

/**
 * Every mention on the page, in document order, indexed for hit-testing.
 * Blocks can be matched in any order (viewport first); `resolve()` then applies
 * the page-order rules: surnames after full names, first mention per entity.
 */
export class MentionIndex {
  private records: BlockRecord[] = [];
  private readonly byNode = new WeakMap<Text, PageMention[]>();
  private readonly recordOfNode = new WeakMap<Text, BlockRecord>();

  constructor(
    private readonly matcher: Matcher,
    private readonly categoryOf: (entity: string) => Category | undefined,
  ) {}

  /** Matches a block and files its mentions; an older record of the same nodes is replaced. */
  add(block: TextBlock): BlockRecord {
    for (const node of block.nodes) {
      const old = this.recordOfNode.get(node);
      if (old) this.remove(old);
    }
    const record: BlockRecord = { block, mentions: [] };
    const found = this.matcher.findInNormalized(normalizeText(block.text), block.text);
    for (const m of found) {
      const category = this.categoryOf(m.entity);
      if (!category) continue;
      const range = rangeFor(block, m.start, m.end);
      const mention: PageMention = {
        entity: m.entity,
        category,
        range,
        weak: m.weak,
        valid: !m.weak,
        first: false,
        record,
      };
      record.mentions.push(mention);
      for (const node of block.nodes) {
        if (range.intersectsNode(node)) {
          const list = this.byNode.get(node);
          if (list) list.push(mention);
          else this.byNode.set(node, [mention]);
        }
      }
    }
    for (const node of block.nodes) this.recordOfNode.set(node, record);
    this.insertInOrder(record);
    return record;
  }

  remove(record: BlockRecord): void {
    const i = this.records.indexOf(record);
    if (i !== -1) this.records.splice(i, 1);
    for (const node of record.block.nodes) {
      if (this.recordOfNode.get(node) === record) this.recordOfNode.delete(node);
      const list = this.byNode.get(node);
      if (list)
        this.byNode.set(
          node,
          list.filter((m) => m.record !== record),
        );
    }
  }

  /** Drops blocks whose text left the page. */
  prune(): BlockRecord[] {
    const gone = this.records.filter((r) => !r.block.nodes[0]!.isConnected);
    for (const r of gone) this.remove(r);
    return gone;
  }

  /** Forgets every block inside `root` (before it is read again). */
  removeWithin(root: Node): void {
    for (const r of this.records.filter((r) => root.contains(r.block.container))) this.remove(r);
  }

  recordOf(node: Text): BlockRecord | undefined {
    return this.recordOfNode.get(node);
  }

  private insertInOrder(record: BlockRecord): void {
    const first = record.block.nodes[0]!;
    let lo = 0;
    let hi = this.records.length;
    // Pages mostly grow at the end: check there before searching.
    if (hi > 0 && compareNodes(this.records[hi - 1]!.block.nodes[0]!, first) < 0) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareNodes(this.records[mid]!.block.nodes[0]!, first) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.records.splice(lo, 0, record);
  }

  /** Applies the page-order rules; cheap enough to run after every batch. */
  resolve(): void {
    const seen = new Set<string>();
    const firstDone = new Set<string>();
    for (const record of this.records) {
      for (const m of record.mentions) {
        if (!m.weak) seen.add(m.entity);
        m.valid = !m.weak || seen.has(m.entity);
        m.first = m.valid && !firstDone.has(m.entity);
        if (m.first) firstDone.add(m.entity);
      }
    }
  }

  /** Valid mentions in document order. */
  *mentions(): Generator<PageMention> {
    for (const record of this.records) for (const m of record.mentions) if (m.valid) yield m;
  }

  get blockCount(): number {
    return this.records.length;
  }

  /** The valid mention covering a caret position, if any. */
  at(node: Node, offset: number): PageMention[] {
    if (node.nodeType !== Node.TEXT_NODE) return [];
    const list = this.byNode.get(node as Text) ?? [];
    return list.filter((m) => {
      if (!m.valid) return false;
      try {
        return m.range.comparePoint(node, offset) === 0;
      } catch {
        return false;
      }
    });
  }
}
