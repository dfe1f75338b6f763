/**
 * The numbers of every indexed mention in one typed array. A 5 MB page holds
 * about 85,000 mentions in 19,000 blocks: as an array per block they were 4 MB
 * of the page's JS heap (array objects, and room that push-grown arrays keep);
 * here they take 20 bytes each (with at most half as much again spare), in one
 * buffer outside the heap's objects.
 */

/** Where one block's numbers lie in the slab; `at` moves when the slab is repacked. */
export interface SlabSpan {
  at: number;
  size: number;
}

const INITIAL_CAPACITY = 4_096;

export class MentionSlab {
  values = new Int32Array(INITIAL_CAPACITY);
  /** First free slot: spans are appended, and a released one leaves a hole. */
  private top = 0;
  /** Slots in live spans. */
  private used = 0;

  /** `spans()` lists every live span, in any order: a repack moves them all. */
  constructor(private readonly spans: () => Iterable<SlabSpan>) {}

  /**
   * Room for `size` numbers, for the caller to fill in `values`; returns where it starts.
   * May move every live span (and replace `values`).
   */
  reserve(size: number): number {
    if (this.top + size > this.values.length) this.repack(size);
    const at = this.top;
    this.top += size;
    this.used += size;
    return at;
  }

  /** A span that left the index: its slots are reclaimed at the next repack. */
  release(span: SlabSpan): void {
    this.used -= span.size;
  }

  /**
   * Moves the live spans together into an array with half as much room again as they need
   * (smaller than before when many were released): repacks stay rare, the spare room bounded.
   */
  private repack(extra: number): void {
    const need = this.used + extra;
    const next = new Int32Array(Math.max(INITIAL_CAPACITY, Math.ceil(need * 1.5)));
    let top = 0;
    for (const span of this.spans()) {
      next.set(this.values.subarray(span.at, span.at + span.size), top);
      span.at = top;
      top += span.size;
    }
    this.values = next;
    this.top = top;
    this.used = top;
  }
}
