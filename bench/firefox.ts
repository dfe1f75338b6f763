/**
 * Firefox: the Firefox build (.output/firefox-mv2: its content script carries the engine and
 * is injected at document_idle) against the static tiers' pages without it, in headless
 * Firefox ESR over WebDriver BiDi. Firefox has no CDP traces or timeline marks from this
 * build, so the page's main world measures: the load event, and the first animation frame
 * at which `CSS.highlights` holds a range (the marks the reader sees).
 */
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from '../tests/support/firefox';
import { serve } from '../tests/support/static-server';
import { log } from './harness';
import type { Corpus } from './pages';
import { median, ms, rotated } from './stats';
import { tierPages, type Tier } from './tiers';

/** How long a load waits for marks before it counts as none seen. */
const MARKS_TIMEOUT_MS = 30_000;

interface FirefoxLoad {
  /** `loadEventEnd`, ms from navigation start. */
  load: number;
  /** First frame with a highlighted range, ms after `loadEventEnd` (null without marks). */
  marks: number | null;
}

async function loadOnce(page: Page, url: string, marks: boolean): Promise<FirefoxLoad> {
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const load = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  );
  if (!marks) return { load, marks: null };
  const seen = await page
    .waitForFunction(
      () => {
        let ranges = 0;
        CSS.highlights.forEach((h) => (ranges += h.size));
        return ranges > 0 && performance.now();
      },
      { polling: 'raf', timeout: MARKS_TIMEOUT_MS },
    )
    .then((handle) => handle.jsonValue() as Promise<number | false>)
    .catch(() => null);
  return { load, marks: typeof seen === 'number' ? seen - load : null };
}

/** `tier.runs` interleaved loads of each tier's page with the extension and without it. */
export async function runFirefox(corpus: Corpus, tiers: Tier[]): Promise<string> {
  const generated = tierPages(corpus, tiers);
  const server = await serve({
    pages: new Map(generated.map(({ tier, page }) => [`/${tier.key}.html`, page.html])),
  });
  const sides: FirefoxWithExtension[] = [];
  try {
    sides.push(await launchFirefox(), await launchFirefox({ extension: false }));
    const withExt = sides[0]!;
    const tabs = new Map<FirefoxWithExtension, Page>();
    for (const side of sides) tabs.set(side, await side.browser.newPage());
    const rows: string[][] = [];
    for (const { tier } of generated) {
      const { runs } = tier;
      const url = `${server.origin}/${tier.key}.html`;
      const w: FirefoxLoad[] = [];
      const wo: FirefoxLoad[] = [];
      // A warm-up load each: the first pays for the profile's caches and the add-on's start.
      for (const side of sides) await loadOnce(tabs.get(side)!, url, false);
      for (let i = 0; i < runs; i++) {
        for (const side of rotated(sides, i)) {
          const run = await loadOnce(tabs.get(side)!, url, side === withExt);
          (side === withExt ? w : wo).push(run);
        }
        log(
          `firefox ${tier.label} run ${i + 1}/${runs}: load ${ms(w[i]!.load)} / ${ms(wo[i]!.load)} ms, marks ${ms(w[i]!.marks)} ms after load`,
        );
      }
      const ratio = median(w.map((r, i) => r.load / wo[i]!.load));
      const marks = w.map((r) => r.marks).filter((m): m is number => m !== null);
      rows.push([
        tier.label,
        `${ms(median(w.map((r) => r.load)))} / ${ms(median(wo.map((r) => r.load)))} ms`,
        `**${ratio?.toFixed(2) ?? '—'}**`,
        marks.length === runs ? `${ms(median(marks))} ms` : `${marks.length} of ${runs} runs`,
        String(runs),
      ]);
    }
    const version = await withExt.browser.version();
    return [
      `### Firefox (${version}, interleaved runs, medians)`,
      '',
      '| Page (text) | Load event, with / without | With ÷ without | Marks visible after load | Runs |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
    ].join('\n');
  } finally {
    for (const side of sides) await side.close();
    await server.close();
  }
}
