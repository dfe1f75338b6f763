import { launch, serve } from './harness';
const server = await serve(new Map(), '/work/speedometer');
for (const ext of [true, false]) {
  const b = await launch(ext);
  const t0 = Date.now();
  await b.page.goto(`${server.origin}/index.html?startAutomatically=true&iterationCount=1&suites=TodoMVC-JavaScript-ES5,NewsSite-Next,Charts-observable-plot`);
  await b.page.waitForFunction(() => 'Score' in ((globalThis as any).benchmarkClient?.metrics ?? {}), null, { timeout: 900000, polling: 500 });
  const m = await b.page.evaluate(() => performance.getEntriesByType('measure').filter((e) => e.name.startsWith('suite-')).map((e) => `${e.name} ${e.duration.toFixed(0)}`));
  console.log(ext ? 'WITH' : 'WITHOUT', Date.now() - t0, m.join(' | '));
  await b.close();
}
await server.close();
