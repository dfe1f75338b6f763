/**
 * The numbers of every indexed mention in one typed array. A 5 MB page holds
 * about 85,000 mentions in 19,000 blocks: as an array per block they were 4 MB
 * of the page's JS heap (array objects, and room that push-grown arrays keep);
 * here they take 20 bytes each, plus the spare room a repack leaves (half as much
 * again), in one buffer outside the heap's objects.
 */

/** Where one block's numbers lie in the slab; `at` moves when the slab is repacked. */
export interface SlabSpan {
  at: number;
  size: number;
}

const INITIAL_CAPACITY = 4_096;

export class MentionSlab {
  values = new Int32Array(INITIAL_CAPACITY);
  /** First free slot: spans are appended; one that leaves the index leaves a hole. */
  private top = 0;

  /**
   * `spans()` lists every live span: a repack moves them all and drops the holes of the
   * rest, so nothing has to be told when a span goes.
   */
  constructor(private readonly spans: () => Iterable<SlabSpan>) {}

  /**
   * Room for `size` numbers, for the caller to fill in `values`; returns where it starts.
   * May move every live span (and replace `values`).
   */
  reserve(size: number): number {
    if (this.top + size > this.values.length) this.repack(size);
    const at = this.top;
    this.top += size;
    return at;
  }

  /**
   * Moves the live spans together into an array with half as much room again as they need
   * (smaller than before when many left): repacks stay rare, the spare room bounded.
   */
  private repack(extra: number): void {
    let live = 0;
    for (const span of this.spans()) live += span.size;
    const need = live + extra;
    const next = new Int32Array(Math.max(INITIAL_CAPACITY, Math.ceil(need * 1.5)));
    let top = 0;
    for (const span of this.spans()) {
      next.set(this.values.subarray(span.at, span.at + span.size), top);
      span.at = top;
      top += span.size;
    }
    this.values = next;
    this.top = top;
  }
}
