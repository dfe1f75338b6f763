import { join, } from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, serve, ROOT, sleep } from './harness';
import { loadCorpus } from './pages';
import { sentences, pageHtml } from './apps';
import { startProfile, summarizeProfile } from './profile';
const s = sentences(loadCorpus(join(ROOT, 'assets/corpus')));
const server = await serve(new Map([['/v.html', pageHtml(process.argv[2] ?? 'vlist', s)]]));
const b = await launch(true);
await b.page.goto(`${server.origin}/v.html`);
const stop = await startProfile(b.cdp);
for (let i = 0; i < 4; i++) {
  await sleep(2000);
  console.log(await b.page.evaluate(() => ({ frames: (globalThis as any).eval('frames'), work: (globalThis as any).eval('work'), top: document.querySelector('.scroller')?.scrollTop, hl: [...CSS.highlights.values()].reduce((a, h) => a + h.size, 0) })));
}
const prof = await stop();
const sm = summarizeProfile(prof, readFileSync(join(b.extensionDir!, 'content-scripts/content.js'), 'utf8'), 20);
console.log(sm.extensionMs, sm.totalMs, sm.inclusive.slice(0, 20).map((x) => `${x.name.slice(0, 50)} ${x.ms.toFixed(0)}`), sm.self.slice(0,10).map((x) => `${x.name.slice(0, 50)} ${x.ms.toFixed(0)}`));
await b.close(); await server.close();
