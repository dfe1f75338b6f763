/** The text of any range, static or live (a StaticRange has no `toString`). */
export function rangeText(range: AbstractRange): string {
  if (range instanceof Range) return range.toString();
  const live = new Range();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
