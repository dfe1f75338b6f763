/**
 * The real saved pages (../shared/real-pages, 33 news, forum and reference pages
 * nobody on the team wrote), each loaded with and without the extension: the
 * page stays the page, the extension logs nothing and asks for nothing, nothing
 * is marked in the site around the article, and every mark is one a person has
 * reviewed (tests/real-pages/expected-marks.json; `npm run precision` lists them).
 * All 33 pages run here, three tabs at a time.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TIMED_EXTENSION_DIR } from '../support/paths';
import type { StaticServer } from '../support/static-server';
import { judge, loadReviews, contextOf, type Verdicts } from '../real-pages/expected';
import { realPageNames } from '../real-pages/pages';
import { startRealPageServer, visitAll, type PageVisit } from '../real-pages/run';
import { domSnapshot } from './dom-snapshot';
import { useHarness } from './use-harness';
import { loadEntityIndex } from './expectations';

const names = realPageNames();
let server: StaticServer;
const withExtension = new Map<string, PageVisit & { dom: string }>();
const without = new Map<string, PageVisit & { dom: string }>();
let verdicts: Verdicts;

/** What a run with the extension logged or asked for that the run without it did not. */
function added(withIt: readonly string[], withoutIt: readonly string[]): string[] {
  const plainRun = new Set(withoutIt);
  return [...new Set(withIt)].filter((x) => !plainRun.has(x));
}

/**
 * The browser's reports on the page's own resources (blocked fonts, a web app
 * manifest it fetches when it gets round to it): when they come depends on
 * timing, and the extension's own requests are compared one by one instead.
 */
const PAGE_RESOURCE =
  /^(Failed to load resource|Access to font at|Manifest fetch from|Refused to|Loading the|Executing inline)/;
const message = (error: string) => error.replace(/ \([^()]*:\d+\)$/, '');
const notPageResource = (error: string) =>
  error.includes('chrome-extension://') || !PAGE_RESOURCE.test(message(error));

beforeAll(async () => {
  server = await startRealPageServer();
});
afterAll(async () => {
  await server?.close();
});

// Hooks run in order and `afterAll` in reverse: the server outlives both browsers.
const ext = useHarness(() => ({ server, extensionDir: TIMED_EXTENSION_DIR }));
const plain = useHarness(() => ({ extensionDir: false, server }));

beforeAll(async () => {
  const doms = new Map<string, string>();
  const keepDom = async (page: Parameters<typeof domSnapshot>[0], name: string) => {
    doms.set(name, await domSnapshot(page));
  };
  const index = loadEntityIndex();
  for (const v of await visitAll(names, { context: ext.context, server, index, inspect: keepDom }))
    withExtension.set(v.name, { ...v, dom: doms.get(v.name)! });
  doms.clear();
  for (const v of await visitAll(names, { context: plain.context, server, inspect: keepDom }))
    without.set(v.name, { ...v, dom: doms.get(v.name)! });
  verdicts = judge(
    names,
    [...withExtension.values()].flatMap((v) => v.marks),
    loadReviews(),
  );
}, 600_000);

const show = (m: PageVisit['marks'][number]) =>
  `${m.entities.join('+') || '?'}: ${contextOf(m)} (${m.landmark})`;

describe.for(names)('%s', (name) => {
  test('text and DOM are what they are without the extension', () => {
    const a = withExtension.get(name)!;
    const b = without.get(name)!;
    expect(a.bodyText).toBe(b.bodyText);
    expect(a.dom === b.dom, 'DOM snapshots differ').toBe(true);
  });

  test('the extension logs no error and requests nothing', () => {
    const a = withExtension.get(name)!;
    const b = without.get(name)!;
    expect(added(a.errors.filter(notPageResource).map(message), b.errors.map(message))).toEqual([]);
    // The engine, imported from the extension's own files, is not a request to anyone.
    const fromNetwork = a.requests.filter((url) => !url.startsWith('chrome-extension://'));
    expect(added(fromNetwork, b.requests)).toEqual([]);
  });

  test('nothing is marked in the site around the article', () => {
    const chrome = withExtension.get(name)!.marks.filter((m) => m.inChrome);
    expect(chrome.map(show)).toEqual([]);
  });

  test('every mark has been reviewed', () => {
    expect(verdicts.unreviewed.filter((m) => m.page === name).map(show)).toEqual([]);
  });
});

test('no request or error from the extension outside the tabs', () => {
  const fromWorker = ext.requests.filter(
    (r) => r.from.startsWith('service-worker:') && !r.url.startsWith('chrome-extension:'),
  );
  expect(fromWorker).toEqual([]);
  expect(ext.consoleErrors.filter((e) => e.includes('chrome-extension://'))).toEqual([]);
  expect(added(ext.unexplainedTraffic(), plain.unexplainedTraffic())).toEqual([]);
});
