import { describe, expect, it } from 'vitest';
import { MentionSlab, type SlabSpan } from './mention-slab';

/** Spans kept by a test as the index keeps its records: the slab moves them on repack. */
function setup() {
  const live = new Set<SlabSpan>();
  const slab = new MentionSlab(() => live);
  const add = (numbers: number[]): SlabSpan => {
    const span = { at: slab.reserve(numbers.length), size: numbers.length };
    slab.values.set(numbers, span.at);
    live.add(span);
    return span;
  };
  const drop = (span: SlabSpan) => live.delete(span);
  const read = (span: SlabSpan) => [...slab.values.subarray(span.at, span.at + span.size)];
  return { slab, add, drop, read };
}

describe('MentionSlab', () => {
  it('keeps every live span’s numbers through the repacks that growth needs', () => {
    const { add, read } = setup();
    const spans = Array.from({ length: 3_000 }, (_, i) => [add([i, i + 1, i + 2]), i] as const);
    for (const [span, i] of spans) expect(read(span)).toEqual([i, i + 1, i + 2]);
  });

  it('reclaims the room of spans that left instead of growing without end', () => {
    const { slab, add, drop, read } = setup();
    let kept = add([7, 7, 7, 7, 7]);
    for (let i = 0; i < 20_000; i++) {
      const span = add([i, i, i, i, i]);
      drop(kept);
      kept = span;
    }
    expect(read(kept)).toEqual([19_999, 19_999, 19_999, 19_999, 19_999]);
    expect(slab.values.length).toBeLessThanOrEqual(4_096);
  });
});
