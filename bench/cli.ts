/**
 * The options of `npm run bench` (see run.ts). Parsed strictly: a misspelt option
 * fails with node's message naming it rather than running a different benchmark.
 */
import { parseArgs } from 'node:util';

const OPTIONS = {
  tiers: { type: 'string' },
  runs: { type: 'string' },
  'no-trace': { type: 'boolean' },
  'no-profile': { type: 'boolean' },
  'no-markjs': { type: 'boolean' },
  'markjs-5m': { type: 'boolean' },
  'no-apps': { type: 'boolean' },
  'no-real-pages': { type: 'boolean' },
  'no-firefox': { type: 'boolean' },
  apps: { type: 'boolean' },
  only: { type: 'string' },
  pairs: { type: 'string' },
  'real-pages': { type: 'boolean' },
  firefox: { type: 'boolean' },
  speedometer: { type: 'boolean' },
  iterations: { type: 'string' },
  suites: { type: 'string' },
  params: { type: 'string' },
  control: { type: 'boolean' },
} as const;

export type BenchOptions = ReturnType<typeof parseBenchArgs>;

export function parseBenchArgs(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
  const list = (s: string | undefined) => s?.split(',') ?? null;
  const count = (name: string, s: string | undefined) => {
    if (s === undefined) return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name}=${s}: expected a whole number ≥ 1`);
    return n;
  };
  return {
    /** Only a full run (no options) replaces bench/results.md; a partial one prints. */
    partial: argv.length > 0,
    tiers: list(values.tiers),
    runs: count('runs', values.runs),
    trace: !values['no-trace'],
    profile: !values['no-profile'],
    markjs: !values['no-markjs'],
    markjs5m: values['markjs-5m'] ?? false,
    apps: !values['no-apps'],
    realPages: !values['no-real-pages'],
    firefox: !values['no-firefox'],
    /** Which section alone, printed: `--speedometer`, `--apps`, `--real-pages` or `--firefox`. */
    only: values.speedometer
      ? ('speedometer' as const)
      : values.apps
        ? ('apps' as const)
        : values['real-pages']
          ? ('real-pages' as const)
          : values.firefox
            ? ('firefox' as const)
            : null,
    appNames: list(values.only),
    pairs: count('pairs', values.pairs),
    iterations: count('iterations', values.iterations),
    suites: values.suites ?? null,
    params: values.params ?? '',
    /** Speedometer: a third browser in each round, with an empty content script. */
    control: values.control ?? false,
  };
}
