import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from '../support/paths';

/** Fails the e2e project early, with the fix, when its prerequisites are missing. */
export default function setup(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  }
}
