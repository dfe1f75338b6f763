import { launch, serve } from './harness';
const html = `<!doctype html><html><body><p>Kerman and Kabul.</p><script>
window.__n = 0; const t0 = performance.now();
(function f(){ window.__n++; if (performance.now() - t0 < 3000) requestAnimationFrame(f); else window.__done = performance.now() - t0; })();
</script></body></html>`;
const server = await serve(new Map([['/raf.html', html]]));
for (const ext of [true, true, true]) {
  const b = await launch(ext, { extensionDir: process.env.EXT } as never);
  await b.page.goto(`${server.origin}/raf.html`);
  await b.page.waitForFunction(() => (window as any).__done, null, { timeout: 60000 });
  console.log(ext ? 'with' : 'without', await b.page.evaluate(() => (window as any).__n));
  await b.close();
}
await server.close();
