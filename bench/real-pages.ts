/**
 * The saved real pages of ../shared/real-pages, served from 127.0.0.1 (every other
 * host is refused, so nothing waits on the network), each loaded with the
 * extension under a trace, without it and with an empty content script (the
 * control): the extension's own main-thread tasks, the longest of them, and the
 * load event of each.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tests/support/paths';
import { serve } from '../tests/support/static-server';
import { launch, log, type Browser } from './harness';
import { median, ms } from './stats';
import { startTrace, summarizeTrace } from './trace';

const DIR = join(ROOT, '../shared/real-pages');
/** After the load event: start-up and indexing of these pages are over well within it. */
const WINDOW_MS = 3_000;

/** Everything but the page's server and the extension's own files is refused. */
async function isolate(b: Browser, origin: string): Promise<void> {
  await b.context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(origin) || url.startsWith('chrome-extension://')
      ? route.continue()
      : route.abort();
  });
}

async function load(b: Browser, url: string): Promise<number> {
  await b.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const loadEnd = await b.page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  await sleep(WINDOW_MS);
  return loadEnd;
}

export async function runRealPages(): Promise<string | null> {
  if (!existsSync(DIR)) return null;
  const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
  const html = new Map(files.map((f) => [`/${f}`, readFileSync(join(DIR, f), 'utf8')]));
  const server = await serve({ pages: html });
  const withExt = await launch('backstory');
  const without = await launch('none');
  const control = await launch('empty content script');
  for (const b of [withExt, without, control]) await isolate(b, server.origin);
  const rows: {
    file: string;
    tasks: number;
    longest: number;
    over50: number;
    /** Load event, ms. */
    load: { with: number; without: number; control: number };
  }[] = [];
  const skipped: string[] = [];
  try {
    for (const file of files) {
      const url = `${server.origin}/${file}`;
      try {
        const stop = await startTrace(withExt.cdp);
        const loading = load(withExt, url);
        // Ended even when the load fails: a trace left running refuses every later one.
        const events = await loading.then(stop, async (error: unknown) => {
          await stop();
          throw error;
        });
        const loadWith = await loading;
        const trace = summarizeTrace(events, url);
        const loadWithout = await load(without, url);
        const loadControl = await load(control, url);
        rows.push({
          file,
          tasks: trace?.tasks ?? 0,
          longest: trace?.longest ?? 0,
          over50: trace?.over50 ?? 0,
          load: { with: loadWith, without: loadWithout, control: loadControl },
        });
        log(`${file}: longest own task ${ms(trace?.longest, 1)} ms`);
      } catch (error) {
        // A saved page that navigates itself away (a redirect script) has nothing to measure.
        log(`${file}: skipped (${String(error).split('\n')[0]})`);
        skipped.push(file.replace(/\.html$/, ''));
      }
    }
  } finally {
    await withExt.close();
    await without.close();
    await control.close();
    await server.close();
  }
  const over = rows.filter((r) => r.over50 > 0);
  const loadRatio = median(rows.map((r) => r.load.with / r.load.without));
  const controlRatio = median(rows.map((r) => r.load.with / r.load.control));
  return [
    `### Real pages (${rows.length} saved pages, one traced load each)`,
    '',
    ...(skipped.length > 0
      ? [`Skipped (the page navigated itself away while measured): ${skipped.join(', ')}.`, '']
      : []),
    `Pages with a Backstory task of 50 ms or more: **${over.length}** of ${rows.length}` +
      (over.length ? ` (${over.map((r) => `${r.file} ${ms(r.longest)} ms`).join(', ')})` : '') +
      `. Longest Backstory task on any page: ${ms(Math.max(...rows.map((r) => r.longest)), 1)} ms; ` +
      `median over pages ${ms(median(rows.map((r) => r.longest)), 1)} ms. ` +
      `Load event, median ratio over pages: with ÷ without ${loadRatio?.toFixed(3) ?? '—'}, ` +
      `with ÷ empty content script ${controlRatio?.toFixed(3) ?? '—'}.`,
    '',
    '| Page | Own tasks | Longest own task | Load event, with / empty content script / without |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.file.replace(/\.html$/, '')} | ${r.tasks} | ${ms(r.longest, 1)} ms | ${ms(r.load.with)} / ${ms(r.load.control)} / ${ms(r.load.without)} ms |`,
    ),
    '',
  ].join('\n');
}
