import { expect, it } from 'vitest';
import { loadPageRunner, publishPageRunner } from './page-runner-api';

const emptyScript = () => URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));

it('names the file when the engine script publishes no runner', async () => {
  publishPageRunner(undefined as never);
  const url = emptyScript();
  await expect(loadPageRunner(url)).rejects.toThrow(`the page engine at ${url} did not load`);
});

it('hands over the runner the engine script published', async () => {
  const run = async () => undefined;
  publishPageRunner(run);
  expect(await loadPageRunner(emptyScript())).toBe(run);
});
