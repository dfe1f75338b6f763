import type { Category } from '../catalog/category';
import type { Evidence } from '../catalog/schema';
import type { MatcherData } from '../kb/schema';
import { EvidenceJudge, type EntityTraits, type PageContext } from '../match/evidence';
import type { Matcher } from '../match/matcher';
import { normalizeText } from '../text/normalize';
import { MentionSlab, type SlabSpan } from './mention-slab';
import { readRange } from './scratch-range';
import { rangeFor, staticRangeFor, type NodeRun, type TextBlock } from './text-block';

/** Filters mentions by what the settings show; checked before any object is made. */
type Keep = (category: Category, first: boolean, entity: string) => boolean;

/** Flags: the evidence the mention needs (two bits), whether the page redefines it, and the verdict. */
const EVIDENCE: readonly Evidence[] = ['strong', 'supported', 'corpus'];
const EVIDENCE_BITS = 3;
const REDEFINED = 4;
const VALID = 8;
const FIRST = 16;
const NO_TRAITS: EntityTraits = { broad: false };
/** Numbers stored per mention in the slab: entity, alias, start, end, flags. */
const STRIDE = 5;

/**
 * The mentions of one block, stored flat: a 5 MB page holds tens of thousands of
 * mentions, and a live Range per mention would cost memory and slow every DOM
 * mutation the page makes; their numbers live in one typed array (mention-slab.ts),
 * at the record's span (`at` is -1 once the record left the index). Nor are the
 * block's text nodes kept: its container
 * and first node find them again (`MentionIndex.runOf`) when a mention is shown
 * or hit, which is rare next to holding them all.
 */
export interface BlockRecord extends SlabSpan {
  container: Element;
  /** The block's first text node: its place in document order, and its identity. */
  first: Text;
  /** Length of the block's text when matched: a different length means it changed. */
  length: number;
  /** The reader cannot see the block (see visibility.ts); unknown until checked. */
  clipped?: boolean;
  /**
   * Read out of turn, where the reader scrolled ahead of the first read: whether a mention
   * here is the entity's first is not known until the blocks before it have been read.
   */
  outOfTurn?: true;
}

/** A mark for the highlighter. */
export interface Mark {
  category: Category;
  range: StaticRange;
}

/** One mention, materialized on demand (hover, stepping, the popup). */
export class PageMention {
  private live: Range | undefined;
  private fixed: StaticRange | undefined;
  /** The matcher's alias that found it (its kind decides the page-order rule). */
  readonly alias: number;
  readonly start: number;
  readonly end: number;
  private readonly flags: number;

  constructor(
    readonly record: BlockRecord,
    private readonly slab: MentionSlab,
    /** Position in the record's span, in mentions. */
    readonly slot: number,
    readonly entity: string,
    readonly category: Category,
    private readonly run: () => NodeRun | undefined,
  ) {
    const at = record.at + slot * STRIDE;
    this.alias = slab.values[at + 1]!;
    this.start = slab.values[at + 2]!;
    this.end = slab.values[at + 3]!;
    this.flags = slab.values[at + 4]!;
  }

  /** The first counted mention of its entity, as the index last decided (while it holds the block). */
  get first(): boolean {
    const flags =
      this.record.at < 0 ? this.flags : this.slab.values[this.record.at + this.slot * STRIDE + 4]!;
    return (flags & FIRST) !== 0;
  }

  /**
   * The mention's ends as its block was read, as a static range (collapsed at the
   * container if the block changed since): marks and comparisons, at no cost to the
   * page's DOM changes.
   */
  get bounds(): StaticRange {
    if (!this.fixed) {
      const run = this.run();
      const at = this.record.container;
      this.fixed = run
        ? staticRangeFor(run, this.start, this.end)
        : new StaticRange({ startContainer: at, startOffset: 0, endContainer: at, endOffset: 0 });
    }
    return this.fixed;
  }

  /** Reads the mention's geometry without making it a live range (see scratch-range.ts). */
  measure<T>(read: (range: Range) => T): T {
    if (this.live) return read(this.live);
    return readRange(this.record.container.ownerDocument, this.bounds, read);
  }

  /**
   * A live range over the mention, made once per object, for what holds on to it (an
   * open card's anchor); collapsed if the block changed since it was read (it is read
   * again with the next batch of changes).
   */
  get range(): Range {
    if (!this.live) {
      const run = this.run();
      this.live = run
        ? rangeFor(run, this.start, this.end)
        : this.record.container.ownerDocument.createRange();
    }
    return this.live;
  }
}

/**
 * Document order across shadow trees: compare the outermost hosts, then within the tree.
 * Not cheap on long lists: Blink's `x.compareDocumentPosition(y)` walks back from y's side
 * along its previous siblings looking for x's, to the start of the list when x comes after
 * y (about 60 µs a call at 20,000 siblings, Chromium 156).
 */
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

/** `root.contains(node)`, looking through shadow roots to their hosts. */
function containsComposed(root: Node, node: Node): boolean {
  for (let cur: Node | null = node; cur;) {
    if (cur === root) return true;
    cur = cur instanceof ShadowRoot ? cur.host : cur.parentNode;
  }
  return false;
}

/**
 * Every mention on the page, in document order, indexed for hit-testing.
 * Blocks can be matched in any order (viewport first); `resolve()` then applies
 * the page-order rules: the evidence policy over the whole page, first mention per entity.
 */
export class MentionIndex {
  /** Blocks that hold at least one mention, in document order. */
  private records: BlockRecord[] = [];
  /** Records by block container; one record is stored bare, several as a list. */
  private readonly byContainer = new WeakMap<Element, BlockRecord | BlockRecord[]>();
  private readonly entityIndex = new Map<string, number>();
  /** Visibility verdicts of blocks dropped from the index, by first node, for when they are read again. */
  private readonly verdicts = new WeakMap<Text, { length: number; clipped: boolean }>();
  private readonly slab = new MentionSlab(() => this.records);
  /** Where the record after the last one inserted would go (a hint, checked before use). */
  private nextAt = 0;

  constructor(
    private readonly matcher: Matcher,
    /** Entity ids and categories; mentions store an index into this list. */
    private readonly entities: MatcherData['entities'],
    /** The blocks whose container is `container`, read again from the page. */
    private readonly blocksIn: (container: Element) => TextBlock[],
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

  /** Records of one container. */
  recordsIn(container: Element): readonly BlockRecord[] {
    const filed = this.byContainer.get(container);
    return filed === undefined ? [] : Array.isArray(filed) ? filed : [filed];
  }

  private file(record: BlockRecord): void {
    const filed = this.byContainer.get(record.container);
    if (filed === undefined) this.byContainer.set(record.container, record);
    else if (Array.isArray(filed)) filed.push(record);
    else this.byContainer.set(record.container, [filed, record]);
  }

  private unfile(record: BlockRecord): void {
    record.at = -1;
    if (record.clipped !== undefined)
      this.verdicts.set(record.first, { length: record.length, clipped: record.clipped });
    const rest = this.recordsIn(record.container).filter((r) => r !== record);
    if (rest.length === 0) this.byContainer.delete(record.container);
    else this.byContainer.set(record.container, rest.length === 1 ? rest[0]! : rest);
  }

  /**
   * Matches a block and files its mentions; an older record of the same nodes is replaced.
   * `outOfTurn`: read ahead of the first read (see BlockRecord.outOfTurn).
   */
  add(block: TextBlock, { outOfTurn = false } = {}): BlockRecord | undefined {
    const siblings = this.recordsIn(block.container);
    if (siblings.length > 0) {
      const reread = new Set(block.nodes);
      for (const old of siblings) if (reread.has(old.first)) this.remove(old);
    }
    const found = this.matcher
      .findInNormalized(normalizeText(block.text), block.text)
      .filter((m) => this.entityIndex.has(m.entity));
    if (found.length === 0) return undefined;
    // Reserved before the record joins `records`: a repack moves only the records there.
    const at = this.slab.reserve(found.length * STRIDE);
    const v = this.slab.values;
    found.forEach((m, i) => {
      const k = at + i * STRIDE;
      v[k] = this.entityIndex.get(m.entity)!;
      v[k + 1] = m.alias;
      v[k + 2] = m.start;
      v[k + 3] = m.end;
      v[k + 4] = EVIDENCE.indexOf(m.evidence) | (m.redefined ? REDEFINED : 0);
    });
    const record: BlockRecord = {
      container: block.container,
      first: block.nodes[0]!,
      length: block.text.length,
      at,
      size: found.length * STRIDE,
    };
    if (outOfTurn) record.outOfTurn = true;
    // The same text read again keeps what was found out about it (a rescan of its subtree).
    const known = this.verdicts.get(record.first);
    if (known && known.length === record.length) record.clipped = known.clipped;
    this.file(record);
    this.insertInOrder(record);
    return record;
  }

  remove(record: BlockRecord): void {
    const i = this.records.indexOf(record);
    if (i !== -1) this.records.splice(i, 1);
    this.unfile(record);
  }

  /** The record's text nodes as they are now, if its text is still what was matched. */
  runOf(record: BlockRecord): NodeRun | undefined {
    return this.blocksIn(record.container).find(
      (b) => b.nodes[0] === record.first && b.text.length === record.length,
    );
  }

  /** Index of the first record that does not come before `node` in document order. */
  private lowerBound(node: Node): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareNodes(this.records[mid]!.first, node) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Forgets every block inside `root` (before it is read again). Records are in
   * document order, so those inside `root` are one run found by binary search.
   */
  removeWithin(root: Node): void {
    const last = this.records[this.records.length - 1];
    // A subtree the page appended (a feed's message) holds nothing yet. This saves the
    // binary search, whose every step may walk the feed (see compareNodes).
    if (!last || (!containsComposed(root, last.container) && compareNodes(last.first, root) < 0))
      return;
    const from = this.lowerBound(root);
    let to = from;
    while (to < this.records.length && containsComposed(root, this.records[to]!.container)) to++;
    for (const r of this.records.splice(from, to - from)) this.unfile(r);
  }

  /** Drops blocks whose text left the page. */
  prune(): void {
    const kept: BlockRecord[] = [];
    for (const r of this.records) {
      if (r.first.isConnected && r.container.isConnected) kept.push(r);
      else this.unfile(r);
    }
    this.records = kept;
  }

  /** The block, as it reads now, holding a text node whose container has mentions. */
  blockHolding(node: Text): TextBlock | undefined {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (!this.byContainer.has(el)) continue;
      const block = this.blocksIn(el).find((b) => b.nodes.includes(node));
      if (block) return block;
    }
    return undefined;
  }

  /** The container of a block with mentions that holds `el` (or is it), if any. */
  containerAround(el: Element): Element | undefined {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      if (this.byContainer.has(cur)) return cur;
    }
    return undefined;
  }

  private insertInOrder(record: BlockRecord): void {
    const records = this.records;
    const n = records.length;
    // Pages mostly grow at the end: check there before searching.
    if (n === 0 || compareNodes(records[n - 1]!.first, record.first) < 0) {
      records.push(record);
      this.nextAt = n + 1;
      return;
    }
    // A read that goes on behind blocks read out of turn adds each block after the one
    // before: two comparisons instead of a binary search's dozen.
    const i = this.nextAt;
    const fits =
      i > 0 &&
      i < n &&
      compareNodes(records[i - 1]!.first, record.first) < 0 &&
      compareNodes(record.first, records[i]!.first) < 0;
    const at = fits ? i : this.lowerBound(record.first);
    records.splice(at, 0, record);
    this.nextAt = at + 1;
  }

  /**
   * Applies the page-order rules, the one place they are decided; cheap enough to
   * run after every batch: the evidence policy over the whole page, then the first
   * counted mention of each entity is FIRST (never one read out of turn: the text
   * before it may hold an earlier one).
   */
  resolve(): void {
    const judge = new EvidenceJudge<number>((i) => this.traits[i] ?? NO_TRAITS, this.context);
    const v = this.slab.values;
    for (const { at, size } of this.records) {
      for (let k = at; k < at + size; k += STRIDE) {
        const flags = v[k + 4]!;
        judge.observe(
          v[k]!,
          v[k + 1]!,
          EVIDENCE[flags & EVIDENCE_BITS]!,
          (flags & REDEFINED) !== 0,
        );
      }
    }
    const onTopic = judge.onTopic;
    const firstDone = new Set<number>();
    for (const record of this.records) {
      const { at, size } = record;
      for (let k = at; k < at + size; k += STRIDE) {
        const entity = v[k]!;
        const flags = v[k + 4]!;
        const valid = judge.accept(entity, v[k + 1]!, EVIDENCE[flags & EVIDENCE_BITS]!, onTopic);
        const first =
          valid && !firstDone.has(entity) && record.clipped !== true && !record.outOfTurn;
        if (first) firstDone.add(entity);
        v[k + 4] = (flags & ~(VALID | FIRST)) | (valid ? VALID : 0) | (first ? FIRST : 0);
      }
    }
  }

  private mention(record: BlockRecord, slot: number, run?: NodeRun): PageMention {
    const [id, category] = this.entities[this.slab.values[record.at + slot * STRIDE]!]!;
    return new PageMention(record, this.slab, slot, id, category, () => run ?? this.runOf(record));
  }

  /** Slots of the valid mentions of one block that `keep` accepts, without materializing them. */
  private *slotsIn(record: BlockRecord, keep?: Keep): Generator<number> {
    for (let slot = 0; slot < record.size / STRIDE; slot++) {
      // Read again at each step: the caller may add blocks between steps (a repack).
      const k = record.at + slot * STRIDE;
      const flags = this.slab.values[k + 4]!;
      if (!(flags & VALID)) continue;
      const [id, category] = this.entities[this.slab.values[k]!]!;
      if (!keep || keep(category, (flags & FIRST) !== 0, id)) yield slot;
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
    for (const record of this.records) {
      const slots = this.slotsIn(record, keep);
      while (!slots.next().done) n++;
    }
    return n;
  }

  /** Containers with a valid mention that `keep` accepts: what the highlighter may paint. */
  containersWith(keep: Keep): Set<Element> {
    const out = new Set<Element>();
    for (const record of this.records) {
      if (!out.has(record.container) && !this.slotsIn(record, keep).next().done)
        out.add(record.container);
    }
    return out;
  }

  /** The marks of one container's valid mentions that `keep` accepts, read from the page now. */
  marksIn(container: Element, keep: Keep): Mark[] {
    const records = this.recordsIn(container);
    if (records.length === 0) return [];
    const blocks = this.blocksIn(container);
    const out: Mark[] = [];
    for (const record of records) {
      const run = blocks.find(
        (b) => b.nodes[0] === record.first && b.text.length === record.length,
      );
      if (!run) continue;
      for (const slot of this.slotsIn(record, keep)) {
        const m = this.mention(record, slot, run);
        out.push({ category: m.category, range: m.bounds });
      }
    }
    return out;
  }

  get blockCount(): number {
    return this.records.length;
  }

  /** The valid mentions covering a caret position, if any. */
  at(node: Node, offset: number): PageMention[] {
    if (node.nodeType !== Node.TEXT_NODE) return [];
    const block = this.blockHolding(node as Text);
    if (!block) return [];
    const record = this.recordsIn(block.container).find(
      (r) => r.first === block.nodes[0] && r.length === block.text.length,
    );
    if (!record) return [];
    const at = block.starts[block.nodes.indexOf(node as Text)]! + offset;
    const out: PageMention[] = [];
    const v = this.slab.values;
    for (let slot = 0; slot < record.size / STRIDE; slot++) {
      const k = record.at + slot * STRIDE;
      if (v[k + 4]! & VALID && v[k + 2]! <= at && at <= v[k + 3]!)
        out.push(this.mention(record, slot, block));
    }
    return out;
  }
}
