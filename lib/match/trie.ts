import { isWordChar } from '../text/normalize';

/** A pattern the trie finds: its folded text and whatever the caller attaches to it. */
export interface TriePattern<T> {
  /** Normalized, case-folded text (see `normalizeFolded`). */
  folded: string;
  value: T;
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  /** Patterns ending here (several only when distinct patterns fold to the same text). */
  terminals: T[];
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

function node<T>(): TrieNode<T> {
  return { next: new Map(), terminals: [] };
}

export function buildTrie<T>(patterns: Iterable<TriePattern<T>>): Trie<T> {
  const root = node<T>();
  for (const { folded, value } of patterns) {
    if (folded.length === 0) continue;
    let cur = root;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      let child = cur.next.get(code);
      if (!child) {
        child = node<T>();
        cur.next.set(code, child);
      }
      cur = child;
    }
    cur.terminals.push(value);
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
        let cur: TrieNode<T> | undefined = root;
        let best: TrieHit<T> | undefined;
        for (let j = i; j < n && cur; j++) {
          cur = cur.next.get(folded.charCodeAt(j));
          if (!cur || cur.terminals.length === 0) continue;
          const end = j + 1;
          // Whole words: a pattern that ends in a letter must not run into another letter.
          if (isWordChar(folded[j]) && isWordChar(folded[end])) continue;
          for (const value of cur.terminals) {
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
