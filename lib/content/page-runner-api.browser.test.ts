import { describe, expect, it } from 'vitest';
import { loadPageRunner, publishPageRunner } from './page-runner-api';
import { importLazy, publishLazy } from './lazy-script';

const script = (source: string) =>
  URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));

describe('lazily imported scripts', () => {
  it('returns what the script published, after running it', async () => {
    const url = script('globalThis.lazyScriptRan = true;');
    publishLazy('Probe', 'published');
    expect(await importLazy(url, 'Probe')).toBe('published');
    expect((globalThis as Record<string, unknown>).lazyScriptRan).toBe(true);
  });

  it('names the file when a page engine script publishes no runner', async () => {
    publishPageRunner(undefined as never);
    const url = script('');
    await expect(loadPageRunner(url)).rejects.toThrow(`the page engine at ${url} did not load`);
  });

  it('hands over the runner the engine script published', async () => {
    const run = async () => undefined;
    publishPageRunner(run);
    expect(await loadPageRunner(script(''))).toBe(run);
  });

  it('passes on a script that fails to load', async () => {
    await expect(loadPageRunner(script('syntax error ('))).rejects.toThrow(SyntaxError);
  });
});
