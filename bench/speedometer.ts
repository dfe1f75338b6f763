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
 *          --control (a third run in each round, with an extension whose content script
 *            is empty: what injecting any content script into every frame costs)
 *          --params=waitAfterSetup=2000&… (more of Speedometer's URL parameters)
 *          --no-profile (skip the extra profiled run that says where the extension's time went)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM, ROOT } from '../tests/support/paths';
import { serve } from '../tests/support/static-server';
import type { BenchOptions } from './cli';
import { EXTENSION_DIR, launch, log, type Side } from './harness';
import { startProfile, summarizeProfile, type ProfileSummary } from './profile';
import { median, ms, rotated } from './stats';

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
  side: Side,
  profiled = false,
): Promise<SpeedometerRun & { profile?: ProfileSummary }> {
  const b = await launch(side);
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
    const profile = summarizeProfile(await stopProfile(), b.extensionDir ?? EXTENSION_DIR, 12);
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
  const sides: Side[] = [
    'backstory',
    'none',
    ...(options.control ? (['empty content script'] as const) : []),
  ];
  const runs = new Map<Side, SpeedometerRun[]>(sides.map((side) => [side, []]));
  let profile: ProfileSummary | null = null;
  try {
    for (let i = 0; i < pairs; i++) {
      for (const side of rotated(sides, i)) {
        const started = Date.now();
        const run = await runOnce(server.origin, query, side);
        runs.get(side)!.push(run);
        log(
          `speedometer round ${i + 1}/${pairs} ${side}: score ${run.score.toFixed(2)}, ` +
            `${run.errors} page errors, ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    }
    if (options.profile) {
      log('speedometer: one more run with the extension, profiled');
      profile = (await runOnce(server.origin, query, 'backstory', true)).profile ?? null;
    }
  } finally {
    await server.close();
  }
  const withExt = runs.get('backstory')!;
  const without = runs.get('none')!;
  const control = runs.get('empty content script') ?? null;
  // Each round ran back to back: its ratio is less exposed to the shared machine's drift.
  const scoreRatio = (num: SpeedometerRun[], den: SpeedometerRun[]) =>
    median(num.map((r, i) => r.score / den[i]!.score));
  const suiteRatio = (num: SpeedometerRun[], den: SpeedometerRun[], name: string) =>
    median(num.map((r, i) => r.suites[name]! / den[i]!.suites[name]!));
  const names = Object.keys(without[0]?.suites ?? {});
  const rows = names.map((name) => ({
    name,
    w: median(withExt.map((r) => r.suites[name])),
    wo: median(without.map((r) => r.suites[name])),
    c: control ? median(control.map((r) => r.suites[name])) : null,
    ratio: suiteRatio(withExt, without, name),
    controlRatio: control ? suiteRatio(control, without, name) : null,
    toControl: control ? suiteRatio(withExt, control, name) : null,
  }));
  const worst = rows.reduce((a, r) => Math.max(a, r.ratio ?? 0), 0);
  const fmt = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  const scores = (list: SpeedometerRun[]) => list.map((r) => r.score.toFixed(2)).join(', ');
  const errors = (list: SpeedometerRun[]) => list.reduce((a, r) => a + r.errors, 0);
  const c = control !== null;
  const cols = (cells: string[], controlCells: string[]) =>
    `| ${[...cells, ...(c ? controlCells : [])].join(' | ')} |`;
  const out = [
    '# Speedometer 3 with and without Backstory',
    '',
    `${new Date().toISOString().slice(0, 10)}; ${CHROMIUM} headless; extension ${EXTENSION_DIR}; ` +
      `${pairs} interleaved rounds of fresh browsers (${sides.join(', ')}) × ${iterations} iterations, ` +
      `${suitesFilter ? `suites ${suitesFilter}` : 'default suites'}. ` +
      'Scores and times are medians over runs; ratios are medians of the per-round ratios. ' +
      'The machine is shared (2 cores): rounds run back to back and rotate which side goes first.' +
      (c
        ? ' The control is an extension whose content script is an empty file, injected into every frame as ' +
          "Backstory's is: with ÷ control is what Backstory's own code costs."
        : ''),
    '',
    cols(
      ['', 'Without', 'With', 'With / without'],
      ['Control', 'Control / without', 'With / control'],
    ),
    cols(['---', '---:', '---:', '---:'], ['---:', '---:', '---:']),
    cols(
      [
        '**Score**',
        fmt(median(without.map((r) => r.score))),
        fmt(median(withExt.map((r) => r.score))),
        `**${fmt(scoreRatio(withExt, without), 3)}**`,
      ],
      control
        ? [
            fmt(median(control.map((r) => r.score))),
            fmt(scoreRatio(control, without), 3),
            `**${fmt(scoreRatio(withExt, control), 3)}**`,
          ]
        : [],
    ),
    cols(
      ['Page errors (sum over runs)', String(errors(without)), String(errors(withExt)), ''],
      control ? [String(errors(control)), '', ''] : [],
    ),
    '',
    `Suite times (ms per iteration; a ratio above 1 is slower with the extension). Slowest suite: ${fmt(worst, 3)}×.`,
    '',
    cols(
      ['Suite', 'Without (ms)', 'With (ms)', 'With / without'],
      ['Control (ms)', 'Control / without', 'With / control'],
    ),
    cols(['---', '---:', '---:', '---:'], ['---:', '---:', '---:']),
    ...rows.map((r) =>
      cols(
        [r.name, ms(r.wo, 1), ms(r.w, 1), fmt(r.ratio, 3)],
        [ms(r.c, 1), fmt(r.controlRatio, 3), fmt(r.toControl, 3)],
      ),
    ),
    '',
    `Scores per run, with: ${scores(withExt)}; without: ${scores(without)}` +
      (control ? `; control: ${scores(control)}.` : '.'),
    '',
    ...(profile ? profileSection(profile) : []),
  ].join('\n');
  const md = await format(out, { ...(await resolveConfig(OUT)), filepath: OUT });
  writeFileSync(OUT, md);
  return md;
}
