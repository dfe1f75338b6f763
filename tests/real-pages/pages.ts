/**
 * The real saved pages (read-only, outside the repository; see SOURCES.md there):
 * `../shared/real-pages` beside the checkout, or wherever REAL_PAGES_DIR says.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export const REAL_PAGES_DIR = resolve(
  process.env.REAL_PAGES_DIR ?? join(ROOT, '..', 'shared', 'real-pages'),
);

/** The pages' file names, sorted; a clear error when the folder is not there. */
export function realPageNames(): string[] {
  try {
    return readdirSync(REAL_PAGES_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();
  } catch (error) {
    throw new Error(
      `No real pages at ${REAL_PAGES_DIR}: set REAL_PAGES_DIR to the folder of saved pages.`,
      { cause: error },
    );
  }
}
