/** Small numeric helpers for the benchmark. */

export function median(xs: readonly (number | null | undefined)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  v.sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * `list` in round `round`'s order: each round starts one further along, so a drift in the
 * machine's load falls on every side alike.
 */
export function rotated<T>(list: readonly T[], round: number): T[] {
  return list.map((_, k) => list[(round + k) % list.length]!);
}

/** Total blocking time of `[start, duration]` tasks starting in `[from, to)`. */
export function blockingTime(tasks: readonly [number, number][], from: number, to: number): number {
  let sum = 0;
  for (const [start, duration] of tasks) {
    if (start >= from && start < to) sum += Math.max(0, duration - 50);
  }
  return sum;
}

export function longestTask(tasks: readonly [number, number][], from: number, to: number): number {
  let max = 0;
  for (const [start, duration] of tasks) {
    if (start >= from && start < to) max = Math.max(max, duration);
  }
  return max;
}

/** `12`, `1,234`, `—` for a missing value. */
export function ms(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function mb(bytes: number | null | undefined, digits = 2): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  return (bytes / 1024 / 1024).toFixed(digits);
}

export function kb(bytes: number, digits = 1): string {
  return `${(bytes / 1024).toFixed(digits)} kB`;
}

/** A ratio as `1/N` (or `0` when the numerator is nothing). */
export function ratio(num: number | null, den: number | null): string {
  if (num === null || den === null || den <= 0) return '—';
  if (num <= 0) return '0';
  const r = num / den;
  return r >= 1 ? `${r.toFixed(2)}` : `1/${Math.round(den / num).toLocaleString('en-US')}`;
}

/** A ratio with two decimals, or a dash when it could not be measured. */
export function fixed(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2);
}
