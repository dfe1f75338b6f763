/**
 * `npm run bench`: the page engine's cost on generated news pages of 50 kB to 5 MB
 * of text, measured in headless Chromium with the built extension
 * (.output/chrome-mv3; the npm script builds it first), against the same pages
 * without the extension and against mark.js marking the same aliases.
 *
 * Prints a Markdown report and, for a full run (no options), writes it to
 * bench/results.md. Figures only: this never fails on a slow result.
 *
 * Options: --tiers=50k,300k,1M,5M  --runs=N (every tier)  --no-trace  --no-profile
 *          --no-markjs  --markjs-5m (adds mark.js at 5 MB: several minutes)
 *          --no-apps  --no-real-pages  --no-firefox (skip those sections)
 *          --apps [--pairs=N --only=todo,feed,…]  --real-pages  --firefox [--tiers=… --runs=N]
 *          (only that section, printed)
 *          --speedometer [--pairs=N --iterations=N --suites=… --params=…] (see speedometer.ts)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM, ROOT } from '../tests/support/paths';
import { runApps } from './apps';
import { runFirefox } from './firefox';
import { parseBenchArgs, type BenchOptions } from './cli';
import { EXTENSION_DIR, log } from './harness';
import { loadCorpus } from './pages';
import { runRealPages } from './real-pages';
import { report } from './report';
import { runSpeedometer } from './speedometer';
import { runStaticTiers } from './static-tiers';
import { selectTiers } from './tiers';

const RESULTS = join(ROOT, 'bench/results.md');
const CORPUS = join(ROOT, 'assets/corpus');

/** Interleaved rounds (with, without, the control) of each app workload. */
const APP_PAIRS = 3;

async function fullRun(options: BenchOptions): Promise<void> {
  const started = Date.now();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}.`);
  const corpus = loadCorpus(CORPUS);
  const selected = selectTiers(options);
  const tiers = await runStaticTiers(selected, corpus, {
    trace: options.trace,
    profile: options.profile,
    started,
  });
  const sections: string[] = [];
  if (options.apps) {
    log('app workloads and bad input');
    sections.push('## Web apps and bad input', '', await runApps(corpus, APP_PAIRS));
  }
  if (options.realPages) {
    log('real pages');
    const real = await runRealPages();
    if (real) sections.push(real);
  }
  if (options.firefox) {
    log('firefox');
    sections.push(await runFirefox(corpus, selected));
  }
  // Formatted as the repository's Prettier would (aligned tables; `npm run lint` stays clean).
  const raw = [report(tiers.results, tiers.meta, tiers.profile), ...sections].join('\n');
  const md = await format(raw, { ...(await resolveConfig(RESULTS)), filepath: RESULTS });
  console.log(md);
  if (!options.partial) writeFileSync(RESULTS, md);
  log(
    `finished in ${Math.round((Date.now() - started) / 1000)} s; ` +
      (options.partial
        ? 'partial run: bench/results.md left as it was'
        : 'written to bench/results.md'),
  );
}

async function bench(options: BenchOptions): Promise<void> {
  switch (options.only) {
    case 'speedometer':
      console.log(await runSpeedometer(options));
      return;
    case 'apps':
      console.log(await runApps(loadCorpus(CORPUS), options.pairs ?? APP_PAIRS, options.appNames));
      return;
    case 'real-pages':
      console.log((await runRealPages()) ?? 'No ../shared/real-pages here.');
      return;
    case 'firefox':
      console.log(await runFirefox(loadCorpus(CORPUS), selectTiers(options)));
      return;
    case null:
      return fullRun(options);
  }
}

Promise.resolve()
  .then(() => bench(parseBenchArgs(process.argv.slice(2))))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
