/** Which build the bench measured: its commit and sizes, for the report's header. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../tests/support/paths';

export interface BuildInfo {
  chromium: string;
  bundle: BundleSizes;
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

interface FileSize {
  raw: number;
  gzip: number;
}

/** The scripts a page gets, in the order it gets them. */
export interface BundleSizes {
  /** In every frame of every page. */
  content: FileSize;
  /** Imported by the content script once a page has settled. */
  engine: FileSize;
  /** Imported on the first card. */
  cardUi: FileSize;
}

function fileSize(file: string): FileSize {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Sizes in the Chrome build at `extensionDir`. */
export function bundleSizes(extensionDir: string): BundleSizes {
  return {
    content: fileSize(join(extensionDir, 'content-scripts/content.js')),
    engine: fileSize(join(extensionDir, 'page-runner.js')),
    cardUi: fileSize(join(extensionDir, 'card-ui.js')),
  };
}
