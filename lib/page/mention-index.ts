import type { Category, Evidence } from '../catalog/schema';
import type { MatcherData } from '../kb/schema';
import { EvidenceJudge, type EntityTraits, type PageContext } from '../match/evidence';
import type { Matcher } from '../match/matcher';
import { normalizeText } from '../text/normalize';
import { rangeFor, type TextBlock } from './text-block';

/** Filters mentions by what the settings show; checked before any object is made. */
type Keep = (category: Category, first: boolean, entity: string) => boolean;

/** Flags: the evidence the mention needs (two bits), whether the page redefines it, the verdict, and its alias. */
const EVIDENCE: readonly Evidence[] = ['strong', 'supported', 'corpus'];
const EVIDENCE_BITS = 3;
const REDEFINED = 4;
const VALID = 8;
const FIRST = 16;
const ALIAS_SHIFT = 5;
const NO_TRAITS: EntityTraits = { broad: false };
/** Numbers stored per mention in `BlockRecord.data`: entity, start, end, flags. */
const STRIDE = 4;

/**
 * The mentions of one block, stored flat (no DOM objects): a 5 MB page holds
 * tens of thousands of mentions, and a live Range per mention would cost memory
 * and slow every DOM mutation the page makes.
 */
export interface BlockRecord {
  container: Element;
  nodes: Text[];
  starts: number[];
  /** [entity index, start, end, flags (evidence, verdict, alias index)] per mention, in text order. */
  data: number[];
  /** The reader cannot see the block (see visibility.ts); unknown until checked. */
  clipped?: boolean;
}

/** One mention, materialized on demand (hover, stepping, the popup). */
export class PageMention {
  private live: Range | undefined;

  constructor(
    readonly record: BlockRecord,
    /** Position in `record.data`, in mentions. */
    readonly slot: number,
    readonly entity: string,
    readonly category: Category,
  ) {}

  get start(): number {
    return this.record.data[this.slot * STRIDE + 1]!;
  }

  get end(): number {
    return this.record.data[this.slot * STRIDE + 2]!;
  }

  get first(): boolean {
    return (this.record.data[this.slot * STRIDE + 3]! & FIRST) !== 0;
  }

  /** A live range over the mention, made once per object. */
  get range(): Range {
    this.live ??= rangeFor(this.record, this.start, this.end);
    return this.live;
  }
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
 * the page-order rules: the evidence policy over the whole page, first mention per entity.
 */
export class MentionIndex {
  /** Blocks that hold at least one mention, in document order. */
  private records: BlockRecord[] = [];
  /** Records by block container (not by text node: far fewer entries to keep). */
  private readonly byContainer = new WeakMap<Element, BlockRecord[]>();
  private readonly entityIndex = new Map<string, number>();

  constructor(
    private readonly matcher: Matcher,
    /** Entity ids and categories; mentions store an index into this list. */
    private readonly entities: MatcherData['entities'],
    /** Broad or not, and event dates, by the same index. */
    private readonly traits: readonly EntityTraits[],
    private context: PageContext,
  ) {
    entities.forEach(([id], i) => this.entityIndex.set(id, i));
  }

  /** What the page says of itself (its date) and what the settings allow; then `resolve()`. */
  setContext(context: PageContext): void {
    this.context = context;
  }

  /** Matches a block and files its mentions; an older record of the same nodes is replaced. */
  add(block: TextBlock): BlockRecord | undefined {
    const reread = new Set(block.nodes);
    for (const old of this.byContainer.get(block.container) ?? []) {
      if (old.nodes.some((n) => reread.has(n))) this.remove(old);
    }
    const data: number[] = [];
    for (const m of this.matcher.findInNormalized(normalizeText(block.text), block.text)) {
      const entity = this.entityIndex.get(m.entity);
      if (entity !== undefined)
        data.push(
          entity,
          m.start,
          m.end,
          EVIDENCE.indexOf(m.evidence) | (m.redefined ? REDEFINED : 0) | (m.alias << ALIAS_SHIFT),
        );
    }
    if (data.length === 0) return undefined;
    // The block's text is not kept: offsets and nodes are all hit-testing needs.
    const record: BlockRecord = {
      container: block.container,
      nodes: block.nodes,
      starts: block.starts,
      data,
    };
    const siblings = this.byContainer.get(block.container);
    if (siblings) siblings.push(record);
    else this.byContainer.set(block.container, [record]);
    this.insertInOrder(record);
    return record;
  }

  remove(record: BlockRecord): void {
    const i = this.records.indexOf(record);
    if (i !== -1) this.records.splice(i, 1);
    const siblings = this.byContainer.get(record.container)?.filter((r) => r !== record);
    if (siblings?.length) this.byContainer.set(record.container, siblings);
    else this.byContainer.delete(record.container);
  }

  /** Forgets every block inside `root` (before it is read again). */
  removeWithin(root: Node): void {
    for (const r of this.records.filter((r) => root.contains(r.container))) this.remove(r);
  }

  /** Drops blocks whose text left the page. */
  prune(): void {
    for (const r of this.records.filter((r) => !r.nodes[0]!.isConnected)) this.remove(r);
  }

  private insertInOrder(record: BlockRecord): void {
    const first = record.nodes[0]!;
    let lo = 0;
    let hi = this.records.length;
    // Pages mostly grow at the end: check there before searching.
    if (hi > 0 && compareNodes(this.records[hi - 1]!.nodes[0]!, first) < 0) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareNodes(this.records[mid]!.nodes[0]!, first) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.records.splice(lo, 0, record);
  }

  /** Applies the page-order rules; cheap enough to run after every batch. */
  resolve(): void {
    const judge = new EvidenceJudge<number>((i) => this.traits[i] ?? NO_TRAITS, this.context);
    for (const { data } of this.records) {
      for (let k = 0; k < data.length; k += STRIDE) {
        const flags = data[k + 3]!;
        judge.observe(
          data[k]!,
          flags >>> ALIAS_SHIFT,
          EVIDENCE[flags & EVIDENCE_BITS]!,
          (flags & REDEFINED) !== 0,
        );
      }
    }
    const onTopic = judge.onTopic;
    const firstDone = new Set<number>();
    for (const record of this.records) {
      const { data } = record;
      for (let k = 0; k < data.length; k += STRIDE) {
        const entity = data[k]!;
        const flags = data[k + 3]!;
        const valid = judge.accept(
          entity,
          flags >>> ALIAS_SHIFT,
          EVIDENCE[flags & EVIDENCE_BITS]!,
          onTopic,
        );
        const first = valid && !firstDone.has(entity) && record.clipped !== true;
        if (first) firstDone.add(entity);
        data[k + 3] = (flags & ~(VALID | FIRST)) | (valid ? VALID : 0) | (first ? FIRST : 0);
      }
    }
  }

  private mention(record: BlockRecord, slot: number): PageMention {
    const [id, category] = this.entities[record.data[slot * STRIDE]!]!;
    return new PageMention(record, slot, id, category);
  }

  /** Slots of the valid mentions of one block that `keep` accepts, without materializing them. */
  private *slotsIn(record: BlockRecord, keep?: Keep): Generator<number> {
    const { data } = record;
    for (let k = 0; k < data.length; k += STRIDE) {
      const flags = data[k + 3]!;
      if (!(flags & VALID)) continue;
      const [id, category] = this.entities[data[k]!]!;
      if (!keep || keep(category, (flags & FIRST) !== 0, id)) yield k / STRIDE;
    }
  }

  /** Valid mentions in document order, optionally only those `keep` accepts. */
  *mentions(keep?: Keep): Generator<PageMention> {
    for (const record of this.records) {
      for (const slot of this.slotsIn(record, keep)) yield this.mention(record, slot);
    }
  }

  /** How many valid mentions `keep` accepts (for figures: nothing is materialized). */
  count(keep?: Keep): number {
    let n = 0;
    for (const record of this.records) n += [...this.slotsIn(record, keep)].length;
    return n;
  }

  /** Blocks with mentions, for the highlighter (which materializes only what is on screen). */
  get blocks(): readonly BlockRecord[] {
    return this.records;
  }

  /** Whether one block has a valid mention that `keep` accepts. */
  hasMentionIn(record: BlockRecord, keep: Keep): boolean {
    return !this.slotsIn(record, keep).next().done;
  }

  /** Valid mentions of one block that `keep` accepts. */
  mentionsIn(record: BlockRecord, keep: Keep): PageMention[] {
    return [...this.slotsIn(record, keep)].map((slot) => this.mention(record, slot));
  }

  get blockCount(): number {
    return this.records.length;
  }

  private recordHolding(node: Text): BlockRecord | undefined {
    for (let el = node.parentElement; el; el = el.parentElement) {
      const found = this.byContainer.get(el)?.find((r) => r.nodes.includes(node));
      if (found) return found;
    }
    return undefined;
  }

  /** The valid mentions covering a caret position, if any. */
  at(node: Node, offset: number): PageMention[] {
    if (node.nodeType !== Node.TEXT_NODE) return [];
    const record = this.recordHolding(node as Text);
    if (!record) return [];
    const i = record.nodes.indexOf(node as Text);
    const at = record.starts[i]! + offset;
    const out: PageMention[] = [];
    const { data } = record;
    for (let k = 0; k < data.length; k += STRIDE) {
      if (data[k + 3]! & VALID && data[k + 1]! <= at && at <= data[k + 2]!)
        out.push(this.mention(record, k / STRIDE));
    }
    return out;
  }
}
