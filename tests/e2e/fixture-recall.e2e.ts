/**
 * Recall on the project's own fixture pages: of the mentions a reader expects
 * linked (tests/fixture-recall/expected-mentions.json, labelled by reading the
 * pages), the share the extension indexes, per set, is at least its target
 * (issue 13: core ≥ 98 %, hard ≥ 90 %). `npm run recall` prints the same per page.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TIMED_EXTENSION_DIR } from '../support/paths';
import { FIXTURES_DIR, launchWithExtension, type Harness } from './harness';
import { loadEntityIndex } from './expectations';
import { fixtureSets, loadExpectedPages, RECALL_TARGETS } from '../fixture-recall/labels';
import { measureRecall, type PageResult } from '../fixture-recall/measure';
import { missLines, recallTable, setRecall } from '../fixture-recall/report';

/** Embedded by frames.html, and measured there. */
const EMBEDDED = ['frame-child.html'];

const index = loadEntityIndex();
const expected = loadExpectedPages();
let h: Harness;
let results: PageResult[];

beforeAll(async () => {
  h = await launchWithExtension({ extensionDir: TIMED_EXTENSION_DIR });
  results = await measureRecall(h, expected, index);
}, 300_000);

afterAll(async () => {
  await h?.close();
});

test('every fixture page is listed', () => {
  const listed = new Set(results.map((p) => p.page));
  const pages = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html'));
  expect(pages.filter((f) => !listed.has(f) && !EMBEDDED.includes(f))).toEqual([]);
});

test('every listed entity is a catalog entity (its canonical name)', () => {
  const names = new Set(expected.flatMap((p) => p.mentions.map((m) => m.entity)));
  expect([...names].filter((name) => !index.entitiesOf(name).includes(name))).toEqual([]);
});

test('every listed mention is on its page exactly once', () => {
  const problems = results.map((p) => ({ ...p, results: p.results.filter((r) => r.problem) }));
  expect(missLines(problems)).toEqual([]);
});

describe.for(fixtureSets)('%s pages', (set) => {
  test('recall is at least the target', () => {
    const report = [...recallTable(results), '', ...missLines(results)].join('\n');
    expect(setRecall(results, set).share, report).toBeGreaterThanOrEqual(RECALL_TARGETS[set]);
  });
});
