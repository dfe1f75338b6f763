import { isWordChar } from '../text/normalize';

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

/**
 * A trie of patterns laid out breadth first, so that it can be written into the
 * bundle at build time and opened in every frame without building anything: the
 * content script starts in every frame of every page, and making ~15,000 Map
 * entries there cost more than all the rest of its start-up.
 *
 * Nodes are numbered in breadth-first order, each node's edges sorted by code unit,
 * and edge k (counted over all nodes in that order) leads to node k + 1: every node
 * but the root has exactly one edge into it.
 */
export interface PackedTrie {
  /** The code unit of every edge, in breadth-first order. */
  chars: string;
  /**
   * Node n's edges are chars[firstEdge[n]] to chars[firstEdge[n + 1] - 1]. Stored rather
   * than summed from the nodes' degrees on opening: that loop over every node, run cold
   * in each new frame, was most of what opening cost.
   */
  firstEdge: number[];
  /** Where patterns end: [node, pattern index] pairs, in the order the patterns were given. */
  ends: number[];
}

/** Packs folded patterns (see `normalizeFolded`); pattern i is reported as value i. */
export function packTrie(patterns: readonly string[]): PackedTrie {
  const children: Map<number, number>[] = [new Map()];
  const endsAt: number[] = [];
  patterns.forEach((folded, index) => {
    if (folded.length === 0) return;
    let cur = 0;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      let child = children[cur]!.get(code);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        children[cur]!.set(code, child);
      }
      cur = child;
    }
    endsAt[index] = cur;
  });
  const renumbered = new Int32Array(children.length);
  const queue = [0];
  let chars = '';
  const firstEdge: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    renumbered[node] = head;
    const edges = [...children[node]!].sort((a, b) => a[0] - b[0]);
    firstEdge.push(chars.length);
    for (const [code, child] of edges) {
      chars += String.fromCharCode(code);
      queue.push(child);
    }
  }
  firstEdge.push(chars.length);
  const ends: number[] = [];
  endsAt.forEach((node, index) => ends.push(renumbered[node]!, index));
  return { chars, firstEdge, ends };
}

/** A trie over a packed one; `valueOf(i)` is what a match of pattern i reports. */
export function openTrie<T>(packed: PackedTrie, valueOf: (pattern: number) => T): Trie<T> {
  const { chars, firstEdge, ends } = packed;
  const endings = new Map<number, number[]>();
  for (let i = 0; i < ends.length; i += 2) {
    const node = ends[i]!;
    const list = endings.get(node);
    if (list) list.push(ends[i + 1]!);
    else endings.set(node, [ends[i + 1]!]);
  }
  const values = new Map<number, T>();
  const value = (pattern: number): T => {
    let v = values.get(pattern);
    if (v === undefined) {
      v = valueOf(pattern);
      values.set(pattern, v);
    }
    return v;
  };

  /** The node an edge `code` from `node` leads to, or -1. */
  const step = (node: number, code: number): number => {
    let lo = firstEdge[node]!;
    let hi = firstEdge[node + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = chars.charCodeAt(mid);
      if (c === code) return mid + 1;
      if (c < code) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };

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
        let cur = 0;
        let best: TrieHit<T> | undefined;
        for (let j = i; j < n; j++) {
          cur = step(cur, folded.charCodeAt(j));
          if (cur === -1) break;
          const here = endings.get(cur);
          if (!here) continue;
          const end = j + 1;
          // Whole words: a pattern that ends in a letter must not run into another letter.
          if (isWordChar(folded[j]) && isWordChar(folded[end])) continue;
          for (const pattern of here) {
            const v = value(pattern);
            if (!accept || accept(v, i, end)) {
              best = { start: i, end, value: v };
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
