import { expect, it } from 'vitest';
import { importLazy, publishLazy } from './lazy-script';

const script = (source: string) =>
  URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));

it('returns what the script published, after running it', async () => {
  const url = script('globalThis.lazyScriptRan = true;');
  publishLazy('Probe', 'published');
  expect(await importLazy(url, 'Probe')).toBe('published');
  expect((globalThis as Record<string, unknown>).lazyScriptRan).toBe(true);
});

it('passes on a script that fails to load', async () => {
  await expect(importLazy(script('syntax error ('), 'Probe')).rejects.toThrow(SyntaxError);
});
