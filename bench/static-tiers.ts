/**
 * The static tiers: every generated page loaded N times with the extension and N
 * times in a second browser without it and N times in a third with an empty content
 * script (the control for the load event), interleaved, then loads in which the reader
 * jumps far down and rests on a name, once under a trace, and marked by mark.js; the largest page once more under the CPU profiler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tests/support/paths';
import { serve } from '../tests/support/static-server';
import { bundleSizes, sourceState, type BuildInfo } from './build-info';
import { launch as launchBrowser, log, type Side } from './harness';
import { runMarkjs, type MarkjsRun } from './markjs';
import { hoverFarMention, type FarHover } from './page-measures';
import type { Corpus } from './pages';
import { PROBE_SCRIPT } from './probe';
import type { ProfileSummary } from './profile';
import { ms } from './stats';
import {
  runBaseline,
  runExtension,
  runProfiled,
  runTraced,
  type LoadRun,
  type ServedPage,
} from './tier-runs';
import { tierPages, type Tier } from './tiers';
import type { TraceSummary } from './trace';

export interface TierResult {
  page: ServedPage;
  ext: LoadRun[];
  base: LoadRun[];
  /** Loads with an extension whose content scripts are empty (see empty-extension.ts). */
  control: LoadRun[];
  markjs: MarkjsRun[];
  markjsRegex: MarkjsRun[];
  /** Loads with the extension in which the reader jumps far down and rests on a name. */
  farHovers: FarHover[];
  trace: TraceSummary | null;
}

export interface ProfiledTier {
  tier: Tier;
  summary: ProfileSummary;
}

export interface StaticTiers {
  results: TierResult[];
  profile: ProfiledTier | null;
  meta: BuildInfo;
}

export interface StaticTierOptions {
  trace: boolean;
  profile: boolean;
  /** `Date.now()` when the bench started, for the progress log. */
  started: number;
}

const launch = (side: Side) => launchBrowser(side, { initScript: PROBE_SCRIPT });

export async function runStaticTiers(
  tiers: Tier[],
  corpus: Corpus,
  options: StaticTierOptions,
): Promise<StaticTiers> {
  const matcher = JSON.parse(readFileSync(join(ROOT, 'generated/matcher.json'), 'utf8')) as {
    aliases: [string, number, string][];
  };
  const aliases = matcher.aliases.map(([text]) => text);
  // Names a reader would rest on: full names, not acronyms or single capitalised words.
  const names = matcher.aliases
    .filter(([text, , evidence]) => evidence === 'plain' && text.length >= 5)
    .map(([text]) => text);
  const markjsSource = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const generated = tierPages(corpus, tiers);
  const html = new Map(generated.map(({ tier, page }) => [`/news-${tier.key}.html`, page.html]));
  const server = await serve({ pages: html });
  const pages: ServedPage[] = generated.map(({ tier, page }) => ({
    ...page,
    tier,
    url: `${server.origin}/news-${tier.key}.html`,
    htmlBytes: Buffer.byteLength(page.html),
  }));
  log(`pages: ${pages.map((p) => `${p.tier.label} ${p.elements} elements`).join(', ')}`);

  const withExt = await launch('backstory');
  const without = await launch('none');
  const control = await launch('empty content script');
  try {
    // Sizes of the copy the browser loaded (a build may rewrite .output meanwhile).
    const bundle = bundleSizes(withExt.extensionDir!);
    const source = sourceState();
    const { product } = await withExt.cdp.send('Browser.getVersion');

    // Warm-up: first loads pay for process start, caches and the service worker.
    const warm = pages[0]!;
    await runExtension(withExt, warm);
    await runBaseline(without, warm);
    await runBaseline(control, warm);

    const results: TierResult[] = [];
    for (const p of pages) {
      const t: TierResult = {
        page: p,
        ext: [],
        base: [],
        control: [],
        markjs: [],
        markjsRegex: [],
        farHovers: [],
        trace: null,
      };
      for (let i = 0; i < p.tier.runs; i++) {
        t.ext.push(await runExtension(withExt, p, i < 3));
        t.base.push(await runBaseline(without, p));
        t.control.push(await runBaseline(control, p));
        const e = t.ext[t.ext.length - 1]!;
        log(
          `${p.tier.label} run ${i + 1}/${p.tier.runs}: indexed ${ms(e.reading.indexed)} ms, ` +
            `card ${ms(e.card?.card, 1)} ms (again ${ms(e.card?.repeat, 1)} ms) on “${e.card?.text ?? '-'}”`,
        );
      }
      for (let i = 0; i < Math.min(3, p.tier.runs); i++) {
        const far = await hoverFarMention(withExt.page, p.url, names);
        t.farHovers.push(far);
        log(
          `${p.tier.label} far mention ${i + 1}: answered ${ms(far.late)} ms after the hover delay` +
            ` on “${far.text ?? '-'}”${far.indexedBefore ? ' (read to the end before the jump)' : ''}`,
        );
      }
      if (options.trace) t.trace = await runTraced(withExt, p);
      for (let i = 0; i < p.tier.markjsRegexRuns; i++) {
        t.markjsRegex.push(await runMarkjs(without, p, markjsSource, aliases, 'regex'));
      }
      for (let i = 0; i < p.tier.markjsRuns; i++) {
        log(`${p.tier.label}: mark.js keywords run ${i + 1}/${p.tier.markjsRuns}`);
        t.markjs.push(await runMarkjs(without, p, markjsSource, aliases, 'keywords'));
      }
      results.push(t);
      log(`${p.tier.label} done at ${Math.round((Date.now() - options.started) / 1000)} s`);
    }

    let profile: ProfiledTier | null = null;
    if (options.profile) {
      const largest = pages[pages.length - 1]!;
      profile = { tier: largest.tier, summary: await runProfiled(withExt, largest) };
    }
    return { results, profile, meta: { chromium: product, bundle, source } };
  } finally {
    await withExt.close();
    await without.close();
    await control.close();
    await server.close();
  }
}
