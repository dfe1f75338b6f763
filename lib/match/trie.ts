import { isWordChar } from '../text/normalize';

/** A pattern the trie finds: its folded text and whatever the caller attaches to it. */
export interface TriePattern<T> {
  /** Normalized, case-folded text (see `normalizeFolded`). */
  folded: string;
  value: T;
}

export interface TrieHit<T> {
  start: number;
  end: number;
  value: T;
}

export interface Trie<T> {
  /**
   * Leftmost-longest, whole-word, non-overlapping matches in `folded`. At each word
   * start the longest pattern that ends on a word boundary and passes `accept` wins.
   */
  scan(folded: string, accept?: (value: T, start: number, end: number) => boolean): TrieHit<T>[];
}

/** Code units are 16 bits: a transition key is node * 2^16 + code unit. */
const SHIFT = 0x10000;

/**
 * One map for all transitions and one array of terminals, rather than a Map per
 * node: the content script builds this trie on every page, and thousands of
 * small Maps cost megabytes of heap.
 */
export function buildTrie<T>(patterns: Iterable<TriePattern<T>>): Trie<T> {
  const next = new Map<number, number>();
  const terminals: (T[] | undefined)[] = [undefined];
  let nodes = 1;
  for (const { folded, value } of patterns) {
    if (folded.length === 0) continue;
    let cur = 0;
    for (let i = 0; i < folded.length; i++) {
      const key = cur * SHIFT + folded.charCodeAt(i);
      let child = next.get(key);
      if (child === undefined) {
        child = nodes++;
        next.set(key, child);
      }
      cur = child;
    }
    (terminals[cur] ??= []).push(value);
  }

  return {
    scan(folded, accept) {
      const hits: TrieHit<T>[] = [];
      const n = folded.length;
      let i = 0;
      while (i < n) {
        if (i > 0 && isWordChar(folded[i - 1]) && isWordChar(folded[i])) {
          i++;
          continue;
        }
        let cur: number | undefined = 0;
        let best: TrieHit<T> | undefined;
        for (let j = i; j < n && cur !== undefined; j++) {
          cur = next.get(cur * SHIFT + folded.charCodeAt(j));
          const here = cur === undefined ? undefined : terminals[cur];
          if (!here) continue;
          const end = j + 1;
          // Whole words: a pattern that ends in a letter must not run into another letter.
          if (isWordChar(folded[j]) && isWordChar(folded[end])) continue;
          for (const value of here) {
            if (!accept || accept(value, i, end)) {
              best = { start: i, end, value };
              break;
            }
          }
        }
        if (best) {
          hits.push(best);
          i = best.end;
        } else {
          i++;
        }
      }
      return hits;
    },
  };
}
