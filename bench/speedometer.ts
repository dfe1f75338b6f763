/**
 * Speedometer 3 (WebKit/Speedometer, unmodified) with and without the extension:
 * its default suites served from 127.0.0.1, run in interleaved pairs of fresh
 * browsers, each run `iterationCount` iterations. Prints the score ratio and every
 * suite's time ratio (medians over pairs) and writes bench/speedometer.md.
 *
 * Speedometer is not vendored (about 110 MB): put a checkout in bench/.speedometer
 * (gitignored) or point SPEEDOMETER_DIR at one. See the README's Benchmark section.
 *
 * Options: --pairs=N (3)  --iterations=N (5)  --suites=A,B (Speedometer's own filter)
 *          --params=waitAfterSetup=2000&… (more of Speedometer's URL parameters)
 *          --no-profile (skip the extra profiled run that says where the extension's time went)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM, ROOT } from '../tests/support/paths';
import { serve } from '../tests/support/static-server';
import type { BenchOptions } from './cli';
import { EXTENSION_DIR, launch, log } from './harness';
import { startProfile, summarizeProfile, type ProfileSummary } from './profile';
import { median, ms } from './stats';

const OUT = join(ROOT, 'bench/speedometer.md');
const DIR = resolve(process.env.SPEEDOMETER_DIR ?? join(ROOT, 'bench/.speedometer'));
const RUN_TIMEOUT_MS = 40 * 60_000;

interface SpeedometerRun {
  score: number;
  /** Suite name → mean total time per iteration, ms. */
  suites: Record<string, number>;
  /** Errors the page reported (uncaught, console.error). */
  errors: number;
}

async function runOnce(
  origin: string,
  query: string,
  withExtension: boolean,
  profiled = false,
): Promise<SpeedometerRun & { profile?: ProfileSummary }> {
  const b = await launch(withExtension ? 'backstory' : 'none');
  const stopProfile = profiled ? await startProfile(b.cdp) : null;
  let errors = 0;
  b.page.on('pageerror', () => errors++);
  b.page.on('console', (m) => {
    if (m.type() === 'error') errors++;
  });
  try {
    await b.page.goto(`${origin}/index.html?${query}`, { waitUntil: 'load' });
    await b.page.waitForFunction(
      () => {
        const client = (globalThis as { benchmarkClient?: { metrics: Record<string, unknown> } })
          .benchmarkClient;
        return client !== undefined && 'Score' in client.metrics;
      },
      null,
      { timeout: RUN_TIMEOUT_MS, polling: 1_000 },
    );
    const metrics = await b.page.evaluate(() => {
      const client = (
        globalThis as unknown as {
          benchmarkClient: { metrics: Record<string, { name: string; mean: number }> };
        }
      ).benchmarkClient;
      return Object.values(client.metrics).map((m) => [m.name, m.mean] as const);
    });
    const suites: Record<string, number> = {};
    let score = NaN;
    for (const [name, mean] of metrics) {
      if (name === 'Score') score = mean;
      else if (!name.includes('/') && !/^(Iteration-|Geomean|Total)/.test(name))
        suites[name] = mean;
    }
    if (!stopProfile) return { score, suites, errors };
    const source = join(b.extensionDir ?? EXTENSION_DIR, 'content-scripts/content.js');
    const profile = summarizeProfile(await stopProfile(), readFileSync(source, 'utf8'), 12);
    return { score, suites, errors, profile };
  } finally {
    await b.close();
  }
}

/** Where the extension's time went in one more run, profiled (`--no-profile` skips it). */
function profileSection(p: ProfileSummary): string[] {
  return [
    '## Where Backstory spends its time (one more run with the extension, CPU profile)',
    '',
    `Sampled JS time ${ms(p.totalMs)} ms, ${ms(p.extensionMs)} ms of it with the content script on ` +
      'the stack (every frame Speedometer opens runs a copy; sampling every 0.25 ms slows both).',
    '',
    '| Inclusive (extension function) | ms | Self (leaf, incl. native calls) | ms |',
    '| --- | ---: | --- | ---: |',
    ...Array.from({ length: Math.max(p.inclusive.length, p.self.length) }, (_, i) =>
      [
        '',
        p.inclusive[i]?.name ?? '',
        ms(p.inclusive[i]?.ms),
        p.self[i]?.name ?? '',
        ms(p.self[i]?.ms),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
  ];
}

export async function runSpeedometer(options: BenchOptions): Promise<string> {
  if (!existsSync(join(DIR, 'index.html'))) {
    throw new Error(
      `No Speedometer checkout at ${DIR}: extract WebKit/Speedometer there (see README, Benchmark).`,
    );
  }
  const pairs = options.pairs ?? 3;
  const iterations = options.iterations ?? 5;
  const suitesFilter = options.suites;
  const query = new URLSearchParams({
    startAutomatically: 'true',
    iterationCount: String(iterations),
    ...(suitesFilter ? { suites: suitesFilter } : {}),
    ...Object.fromEntries(new URLSearchParams(options.params)),
  }).toString();
  const server = await serve({ dir: DIR });
  const withExt: SpeedometerRun[] = [];
  let profile: ProfileSummary | null = null;
  const without: SpeedometerRun[] = [];
  try {
    for (let i = 0; i < pairs; i++) {
      // Alternate which goes first, so a drift in machine load falls on both sides.
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const ext of order) {
        const started = Date.now();
        const run = await runOnce(server.origin, query, ext);
        (ext ? withExt : without).push(run);
        log(
          `speedometer pair ${i + 1}/${pairs} ${ext ? 'with' : 'without'}: score ${run.score.toFixed(2)}, ` +
            `${run.errors} page errors, ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    }
    if (options.profile) {
      log('speedometer: one more run with the extension, profiled');
      profile = (await runOnce(server.origin, query, true, true)).profile ?? null;
    }
  } finally {
    await server.close();
  }
  const scoreWith = median(withExt.map((r) => r.score));
  const scoreWithout = median(without.map((r) => r.score));
  // Each pair ran back to back: its ratio is less exposed to the shared machine's drift.
  const pairRatio = median(withExt.map((r, i) => r.score / without[i]!.score));
  const names = Object.keys(without[0]?.suites ?? {});
  const rows = names.map((name) => {
    const w = median(withExt.map((r) => r.suites[name]));
    const wo = median(without.map((r) => r.suites[name]));
    const ratio = median(withExt.map((r, i) => r.suites[name]! / without[i]!.suites[name]!));
    return { name, w, wo, ratio };
  });
  const worst = rows.reduce((a, r) => Math.max(a, r.ratio ?? 0), 0);
  const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  const out = [
    '# Speedometer 3 with and without Backstory',
    '',
    `${new Date().toISOString().slice(0, 10)}; ${CHROMIUM} headless; extension ${EXTENSION_DIR}; ` +
      `${pairs} interleaved pairs of fresh browsers × ${iterations} iterations, default suites. ` +
      'Scores and times are medians over runs; ratios are medians of the per-pair ratios. ' +
      'The machine is shared (2 cores): pairs run back to back and alternate which side goes first.',
    '',
    '| | Without | With | With / without |',
    '| --- | ---: | ---: | ---: |',
    `| **Score** | ${fmt(scoreWithout)} | ${fmt(scoreWith)} | **${fmt(pairRatio, 3)}** |`,
    `| Page errors (sum over runs) | ${without.reduce((a, r) => a + r.errors, 0)} | ${withExt.reduce((a, r) => a + r.errors, 0)} | |`,
    '',
    `Suite times (ms per iteration; a ratio above 1 is slower with the extension). Slowest suite: ${fmt(worst, 3)}×.`,
    '',
    '| Suite | Without (ms) | With (ms) | With / without |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${ms(r.wo, 1)} | ${ms(r.w, 1)} | ${fmt(r.ratio, 3)} |`),
    '',
    `Scores per run, with: ${withExt.map((r) => r.score.toFixed(2)).join(', ')}; without: ${without.map((r) => r.score.toFixed(2)).join(', ')}.`,
    '',
    ...(profile ? profileSection(profile) : []),
  ].join('\n');
  const md = await format(out, { ...(await resolveConfig(OUT)), filepath: OUT });
  writeFileSync(OUT, md);
  return md;
}
