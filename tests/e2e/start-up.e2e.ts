/**
 * When Backstory starts (the benchmark build's timeline marks, lib/page/timeline.ts):
 * never before the page's load event, although Chrome injects the content script at
 * document_start; and in a frame only after the frame has gone a second without a DOM
 * change (frames.html and its frame-child.html).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { z } from 'zod/mini';
import { waitForIndexed } from '../real-pages/marks';
import { TIMED_EXTENSION_DIR } from '../support/paths';
import { useHarness } from './use-harness';

const h = useHarness({ extensionDir: TIMED_EXTENSION_DIR });
let page: Page;
let child: Frame;

interface StartUp {
  loadEventEnd: number;
  /** Every `backstory:*` mark of the document: name and start time, ms. */
  marks: [string, number][];
}

const startUp = (target: Page | Frame) =>
  target.evaluate((): StartUp => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      loadEventEnd: nav.loadEventEnd,
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('backstory:'))
        .map((m) => [m.name, m.startTime]),
    };
  });

beforeAll(async () => {
  page = await h.open('frames.html');
  const frame = page.frame({ url: /frame-child\.html$/ });
  if (!frame) throw new Error('frames.html has no frame-child.html frame');
  child = frame;
  await waitForIndexed(page);
  await waitForIndexed(child);
});

const manifestSchema = z.object({
  content_scripts: z.array(z.object({ run_at: z.optional(z.string()) })),
});

test('the content script is injected at document_start in Chrome', () => {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(TIMED_EXTENSION_DIR, 'manifest.json'), 'utf8')),
  );
  expect(manifest.content_scripts.map((s) => s.run_at)).toEqual(['document_start']);
});

test('nothing of Backstory runs before the load event, in the page or its frame', async () => {
  for (const target of [page, child]) {
    const { loadEventEnd, marks } = await startUp(target);
    expect(marks.map(([name]) => name)).toContain('backstory:settled');
    expect(marks.filter(([, at]) => at < loadEventEnd)).toEqual([]);
  }
});

test('the frame is read only after a second without changes; the page after 50 ms', async () => {
  const settledAfterLoad = async (target: Page | Frame) => {
    const { loadEventEnd, marks } = await startUp(target);
    return marks.find(([name]) => name === 'backstory:settled')![1] - loadEventEnd;
  };
  expect(await settledAfterLoad(child)).toBeGreaterThanOrEqual(1_000);
  expect(await settledAfterLoad(page)).toBeGreaterThanOrEqual(50);
});
