/** Which build the bench measured: its commit and sizes, for the report's header. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../tests/support/paths';

export interface BuildInfo {
  chromium: string;
  bundle: { raw: number; gzip: number; css: number };
  source: string;
}

/** Which sources were built: the commit, and whether the extension's files differ from it. */
export function sourceState(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const dirty = git(
      'status',
      '--porcelain',
      '--',
      'lib',
      'entrypoints',
      'wxt.config.ts',
      'generated',
    )
      .split('\n')
      .filter(Boolean).length;
    return dirty ? `build of ${commit} + ${dirty} uncommitted file(s)` : `build of ${commit}`;
  } catch {
    return 'build of an unknown revision';
  }
}

export function bundleSize(file: string) {
  const js = readFileSync(file);
  const css = file.replace(/\.js$/, '.css');
  return {
    raw: js.length,
    gzip: gzipSync(js, { level: 9 }).length,
    css: existsSync(css) ? readFileSync(css).length : 0,
  };
}
