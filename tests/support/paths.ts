/** Where the builds and browsers the tests and the bench drive live. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The production build `npm run build` writes. */
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/**
 * The same build plus the timeline marks (`npm run build:bench`). Only what must know when the
 * whole page has been read uses it: production builds put nothing on the page's timeline.
 */
export const TIMED_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-bench');
/** `npm run build:firefox`. Absolute: a relative path fails with NS_ERROR_FILE_UNRECOGNIZED_PATH. */
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
