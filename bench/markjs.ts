/**
 * mark.js 8.11.1 marking every KB alias on the same pages, in the browser without
 * the extension: the usual way to mark names on a page, for comparison.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from './harness';
import type { Probe } from './probe';
import { blockingTime, longestTask } from './stats';
import { loadAndWait } from './page-measures';
import type { ServedPage } from './tier-runs';

/** Characters mark.js's `accuracy: 'exactly'` accepts around a whole word. */
const LIMITERS = [...',.;:!?\'"’‘“”()[]-–—/…«»'];

export interface MarkjsRun {
  tbt: number;
  longest: number;
  /** Marking (synchronous) until the next frame has run after it. */
  total: number;
  marks: number;
}

export type MarkjsMode = 'keywords' | 'regex';

export async function runMarkjs(
  b: Browser,
  p: ServedPage,
  source: string,
  aliases: string[],
  mode: MarkjsMode,
): Promise<MarkjsRun> {
  // Let the page's own load work settle first: only mark.js's tasks are counted.
  await loadAndWait(b.page, p.url, 1_000);
  await b.page.addScriptTag({ content: source });
  const timing = await b.page.evaluate(
    ({ aliases, limiters, mode }) =>
      new Promise<{ t0: number; t1: number; t2: number; marks: number }>((done) => {
        setTimeout(() => {
          type MarkOptions = Record<string, unknown> & { done?: (n: number) => void };
          const Mark = (
            window as unknown as {
              Mark: new (el: Element) => {
                mark(keywords: string[], options: MarkOptions): void;
                markRegExp(re: RegExp, options: MarkOptions): void;
              };
            }
          ).Mark;
          let marks = 0;
          const t0 = performance.now();
          const instance = new Mark(document.body);
          if (mode === 'keywords') {
            instance.mark(aliases, {
              acrossElements: true,
              separateWordSearch: false,
              caseSensitive: false,
              accuracy: { value: 'exactly', limiters },
              done: (n: number) => (marks = n),
            });
          } else {
            // One pass: every alias in one whole-word alternation, longest first.
            const alternation = [...aliases]
              .sort((a, b) => b.length - a.length)
              .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('|');
            const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
            instance.markRegExp(re, { acrossElements: true, done: (n: number) => (marks = n) });
          }
          const t1 = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => done({ t0, t1, t2: performance.now(), marks }), 0),
          );
        }, 0);
      }),
    { aliases, limiters: LIMITERS, mode },
  );
  await sleep(500);
  const tasks = await b.page.evaluate(
    () => (window as unknown as { __bench: Probe }).__bench.longtasks,
  );
  // The task that runs mark.js starts a hair before its first line.
  const from = timing.t0 - 5;
  const to = timing.t2 + 500;
  return {
    tbt: blockingTime(tasks, from, to),
    longest: longestTask(tasks, from, to),
    total: timing.t2 - timing.t0,
    marks: timing.marks,
  };
}
