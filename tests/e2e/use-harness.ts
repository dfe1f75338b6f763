/** A spec file's browser: launched before its first test, closed after its last. */
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type Harness, type LaunchOptions } from './harness';

/**
 * Registers `beforeAll`/`afterAll` for a harness and returns it. Options given as a
 * function are read when it launches, after the hooks registered before this one
 * (a second, plain browser sharing the first one's server).
 *
 * The harness exists only once `beforeAll` has run, so the returned object stands
 * in for it and forwards to it; touching it earlier (at the top of a file) throws.
 */
export function useHarness(options: LaunchOptions | (() => LaunchOptions) = {}): Harness {
  let launched: Harness | undefined;
  beforeAll(async () => {
    launched = await launchWithExtension(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await launched?.close();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!launched)
        throw new Error('the harness launches in beforeAll: use it in hooks and tests');
      return Reflect.get(launched, key) as unknown;
    },
  });
}
