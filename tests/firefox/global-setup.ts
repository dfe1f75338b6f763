import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from '../support/paths';

/** Fails the firefox project early, with the fix, when its prerequisites are missing. */
export default function setup(): void {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`,
    );
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `No Firefox at ${FIREFOX}: run \`apt-get install -y firefox-esr\` (or set FIREFOX_PATH).`,
    );
  }
}
