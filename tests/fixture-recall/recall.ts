/**
 * `npm run recall`: of the mentions a reader expects linked on the fixture pages
 * (tests/fixture-recall/expected-mentions.json), the share the built extension
 * indexes, per page and per set (core, hard), with every miss and what is marked
 * there instead. Fails when a set is below its target or a label does not fit
 * its page.
 *
 * Options: --pages=a.html,b.html; --extension=DIR measures another build.
 */
import { launchWithExtension } from '../e2e/harness';
import { TIMED_EXTENSION_DIR } from '../support/paths';
import { loadEntityIndex } from '../e2e/expectations';
import { fixtureSets, loadExpectedPages, RECALL_TARGETS } from './labels';
import { measureRecall, type PageResult } from './measure';
import { missLines, recallTable, setRecall } from './report';

const only = process.argv.find((a) => a.startsWith('--pages='))?.slice('--pages='.length);
const extensionDir = process.argv.find((a) => a.startsWith('--extension='))?.slice(12);
const pages = loadExpectedPages().filter((p) => !only || only.split(',').includes(p.page));

const h = await launchWithExtension({ extensionDir: extensionDir ?? TIMED_EXTENSION_DIR });
let results: PageResult[];
try {
  results = await measureRecall(h, pages, loadEntityIndex());
} finally {
  await h.close();
}
console.log(recallTable(results).join('\n'));
const misses = missLines(results);
if (misses.length > 0) console.log(`\nNot indexed:\n${misses.map((l) => `  ${l}`).join('\n')}`);
const problems = results.flatMap((p) => p.results).filter((r) => r.problem);
const below = only
  ? []
  : fixtureSets.filter((set) => setRecall(results, set).share < RECALL_TARGETS[set]);
if (below.length > 0 || problems.length > 0) process.exitCode = 1;
