/**
 * `npm run precision`: every mark the built extension shows on every real saved
 * page, with 40 characters of context either side and the landmark it sits in,
 * sorted by the reviewed expectation file (tests/real-pages/expected-marks.json).
 *
 * Writes tests/real-pages/report.md (a figure table per page, then every mark)
 * and, when some marks are unreviewed, .output/real-pages-unreviewed.json: the
 * entries to label (each as `right` to start with) and add to the expectation
 * file. Fails when a mark is unreviewed or sits in site chrome.
 *
 * Options: --pages=a.html,b.html (a partial run prints and writes no report);
 * --extension=DIR measures another build (an older commit's) and writes no report;
 * --broad=always|never sets the broad-entity option (default: on topic pages), to
 * see the site chrome test on every page; it writes no report either.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { launchWithExtension } from '../e2e/harness';
import { ROOT, TIMED_EXTENSION_DIR } from '../support/paths';
import { loadEntityIndex } from '../e2e/expectations';
import { storeSettings } from '../e2e/extension-settings';
import { contextOf, judge, loadReviews, reviewOf, type Verdicts } from './expected';
import type { PageMark } from './marks';
import { realPageNames } from './pages';
import { startRealPageServer, TABS, visitAll } from './run';

const REPORT = join(ROOT, 'tests/real-pages/report.md');
const UNREVIEWED = join(ROOT, '.output/real-pages-unreviewed.json');

const only = process.argv.find((a) => a.startsWith('--pages='))?.slice('--pages='.length);
const names = only ? only.split(',') : realPageNames();
const extensionDir = process.argv.find((a) => a.startsWith('--extension='))?.slice(12);
const broad = process.argv.find((a) => a.startsWith('--broad='))?.slice('--broad='.length);

const percent = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
const cell = (s: string) => s.replace(/\|/g, '\\|');

function figures(marks: readonly PageMark[], v: Verdicts) {
  const right = v.right.length;
  const wrong = v.wrong.length;
  return {
    marks: marks.length,
    right,
    wrong,
    unreviewed: v.unreviewed.length,
    chrome: marks.filter((m) => m.inChrome).length,
    precision: percent(right, right + wrong),
  };
}

function report(marks: readonly PageMark[], v: Verdicts, seconds: number): string {
  const byPage = (page: string) => marks.filter((m) => m.page === page);
  const verdictOf = new Map<PageMark, string>();
  for (const m of v.right) verdictOf.set(m, 'right');
  for (const { mark, should } of v.wrong) verdictOf.set(mark, `**wrong**: ${should}`);
  for (const m of v.unreviewed) verdictOf.set(m, '_unreviewed_');
  const total = figures(marks, v);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
    .toString()
    .trim();
  const lines = [
    '# Marks on the real saved pages',
    '',
    `Written by \`npm run precision\` (build of ${commit}, ${names.length} pages, ${TABS} tabs, ${seconds.toFixed(0)} s).`,
    'A mark is right when the marked text refers to that entity; “in chrome” counts marks in',
    'navigation, banners, footers, complementary rails or outside the page’s main region.',
    '',
    '| Page | Marks | Right | Wrong | Unreviewed | In chrome | Precision |',
    '| ---- | ----: | ----: | ----: | ---------: | --------: | --------: |',
  ];
  for (const page of names) {
    const mine = byPage(page);
    const set = new Set(mine);
    const f = figures(mine, {
      right: v.right.filter((m) => set.has(m)),
      wrong: v.wrong.filter((w) => set.has(w.mark)),
      unreviewed: v.unreviewed.filter((m) => set.has(m)),
      gone: [],
    });
    lines.push(
      `| ${page.replace(/\.html$/, '')} | ${f.marks} | ${f.right} | ${f.wrong} | ${f.unreviewed} | ${f.chrome} | ${f.precision} |`,
    );
  }
  lines.push(
    `| **All** | **${total.marks}** | **${total.right}** | **${total.wrong}** | **${total.unreviewed}** | **${total.chrome}** | **${total.precision}** |`,
    '',
  );
  if (v.gone.length > 0) {
    lines.push(
      `${v.gone.length} reviewed marks no longer show (the expectation file may drop them).`,
      '',
    );
  }
  for (const page of names) {
    const mine = byPage(page);
    lines.push(`## ${page}`, '');
    if (mine.length === 0) lines.push('No marks.', '');
    for (const m of mine) {
      lines.push(
        `- ${cell(m.entities.join(' + ') || '?')} — “${cell(m.before)}**[${cell(m.text)}]**${cell(m.after)}” — ${m.landmark}${m.inChrome ? ' (chrome)' : ''} — ${verdictOf.get(m)}`,
      );
    }
    if (mine.length > 0) lines.push('');
  }
  return lines.join('\n');
}

const started = Date.now();
const server = await startRealPageServer();
const h = await launchWithExtension({ server, extensionDir: extensionDir ?? TIMED_EXTENSION_DIR });
let marks: PageMark[];
try {
  if (broad) await storeSettings(h, { broadMode: broad });
  const index = loadEntityIndex();
  marks = (await visitAll(names, { context: h.context, server, index })).flatMap((v) => v.marks);
} finally {
  await h.close();
  await server.close();
}
const verdicts = judge(names, marks, loadReviews());
const seconds = (Date.now() - started) / 1000;
const md = report(marks, verdicts, seconds);
const total = figures(marks, verdicts);
console.log(md.split('\n## ')[0]);
if (!only && !extensionDir && !broad) {
  writeFileSync(REPORT, await format(md, { ...(await resolveConfig(REPORT)), filepath: REPORT }));
  console.log(`Written to ${REPORT}`);
}
if (verdicts.unreviewed.length > 0) {
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  writeFileSync(UNREVIEWED, JSON.stringify(verdicts.unreviewed.map(reviewOf), null, 2) + '\n');
  console.log(
    `${verdicts.unreviewed.length} unreviewed marks: label them in ${UNREVIEWED} and add them to the expectation file.`,
  );
  for (const m of verdicts.unreviewed) console.log(`  ${m.page}: ${contextOf(m)}`);
}
if (total.unreviewed > 0 || total.chrome > 0) process.exitCode = 1;
