/**
 * Web-app workloads, with and without the extension: what Backstory costs where a
 * page keeps changing. Four apps (a to-do list, a chat feed, a virtual list, apps in
 * throwaway iframes) time themselves; "bad input" pages (mutating forever, 100,000 nodes
 * at once at load and later, `body.innerHTML` replaced every frame) are profiled to find
 * the extension's share of the main thread. Item texts are corpus sentences, so the apps
 * hold mentions.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { serve } from '../tests/support/static-server';
import { launch, log, type Browser } from './harness';
import type { Corpus } from './pages';
import { median, ms, rotated } from './stats';
import { startProfile, summarizeProfile } from './profile';

/** What an app page reports in `window.__workload` when its run is over. */
interface AppResult {
  /** Start of the run to its last frame, ms. */
  elapsed: number;
  /** Time inside the app's own handlers, ms. */
  work: number;
  /** Animation frames per second over the run. */
  fps: number;
}

/** Shared by every page: a wait for the next frame, and frame counting. */
const RUNTIME = `
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
let frames = 0, counting = true;
(function count() { frames++; if (counting) requestAnimationFrame(count); })();
let work = 0;
const timed = (f) => { const t = performance.now(); f(); work += performance.now() - t; };
async function report(t0) {
  await nextFrame();
  counting = false;
  const elapsed = performance.now() - t0;
  window.__workload = { elapsed, work, fps: frames / (elapsed / 1000) };
}
`;

const page = (title: string, style: string, body: string, script: string, sentences: string[]) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif}${style}</style></head><body>${body}
<script>const S = ${JSON.stringify(sentences)};${RUNTIME}
addEventListener('load', () => setTimeout(async () => { ${script} }, 0));</script></body></html>`;

/**
 * TodoMVC's three steps, 1,000 items each: ten app updates per task (a burst of a
 * reader's clicks, or a framework's batch), then a frame. With one update per task and
 * no frames the run was at the mercy of when Chromium chose to render between
 * back-to-back tasks: one build took 197 to 2,387 ms, its frame count tracking its length.
 */
const TODO = (s: string[]) =>
  page(
    'To-do',
    '.todo-list{list-style:none;padding:0}.todo-list li{padding:4px 8px;border-bottom:1px solid #eee}.completed label{text-decoration:line-through;color:#999}',
    '<section class="todoapp"><h1>todos</h1><ul class="todo-list"></ul><footer><span class="count">0 items left</span></footer></section>',
    `
const t0 = performance.now();
const list = document.querySelector('.todo-list');
const count = document.querySelector('.count');
const items = [];
let left = 0;
const counter = () => { count.textContent = left + (left === 1 ? ' item left' : ' items left'); };
const BURST = 10;
for (let i = 0; i < 1000; i += BURST) {
  timed(() => {
    for (let k = i; k < i + BURST; k++) {
      const li = document.createElement('li');
      li.innerHTML = '<div class="view"><input class="toggle" type="checkbox"><label></label><button class="destroy">×</button></div>';
      li.querySelector('label').textContent = S[k % S.length];
      list.append(li); items.push(li); left++; counter();
    }
  });
  await nextFrame();
}
for (let i = 0; i < items.length; i += BURST) {
  timed(() => {
    for (const li of items.slice(i, i + BURST)) { li.classList.add('completed'); li.querySelector('.toggle').checked = true; left--; counter(); }
  });
  await nextFrame();
}
for (let i = 0; i < items.length; i += BURST) {
  timed(() => { for (const li of items.slice(i, i + BURST)) { li.remove(); counter(); } });
  await nextFrame();
}
await report(t0);`,
    s,
  );

/** A chat feed: 10 messages every 10 ms (1,000/s) for 10 s. */
const FEED = (s: string[]) =>
  page(
    'Feed',
    '.msg{padding:2px 8px}.msg b{color:#06c}',
    '<main class="feed"></main>',
    `
const t0 = performance.now();
const feed = document.querySelector('.feed');
let n = 0;
await new Promise((done) => {
  const timer = setInterval(() => {
    timed(() => {
      for (let k = 0; k < 10; k++, n++) {
        const m = document.createElement('div');
        m.className = 'msg';
        m.innerHTML = '<b></b> <span></span>';
        m.firstChild.textContent = 'user' + (n % 37);
        m.lastChild.textContent = S[n % S.length];
        feed.append(m);
      }
    });
    if (n >= 10000) { clearInterval(timer); done(); }
  }, 10);
});
await report(t0);`,
    s,
  );

/** A virtual list of 100,000 rows: 40 row nodes whose text is rewritten in place on scroll. */
const VLIST = (s: string[]) =>
  page(
    'Virtual list',
    '.scroller{height:700px;overflow:auto;position:relative}.spacer{height:3000000px}.row{position:absolute;left:0;right:0;height:30px;white-space:nowrap;overflow:hidden}',
    '<div class="scroller"><div class="spacer"></div></div>',
    `
const t0 = performance.now();
const scroller = document.querySelector('.scroller');
const rows = [];
for (let i = 0; i < 40; i++) {
  const row = document.createElement('div');
  row.className = 'row';
  row.append(document.createTextNode(''));
  scroller.append(row);
  rows.push(row);
}
const render = () => timed(() => {
  const first = Math.floor(scroller.scrollTop / 30);
  rows.forEach((row, i) => {
    row.style.top = (first + i) * 30 + 'px';
    row.firstChild.data = '#' + (first + i) + ' ' + S[(first + i) % S.length];
  });
});
scroller.addEventListener('scroll', render);
render();
for (let f = 0; f < 300; f++) {
  scroller.scrollTop += 45;
  await new Promise((r) => requestAnimationFrame(r));
}
await report(t0);`,
    s,
  );

/**
 * Speedometer's pattern: an app in a fresh same-origin iframe, loaded, worked and
 * thrown away, 40 times over. The content script starts in every one of them (all
 * frames), so what it costs before it knows there is a page worth reading is paid
 * 40 times here.
 */
const FRAMES = (s: string[]) =>
  page(
    'Frames',
    'iframe{width:100%;height:400px;border:0}',
    '',
    `
const t0 = performance.now();
for (let i = 0; i < 40; i++) {
  const frame = document.createElement('iframe');
  frame.src = '/frame.html?' + i;
  await new Promise((loaded) => { frame.onload = loaded; document.body.append(frame); });
  await frame.contentWindow.run();
  work += frame.contentWindow.work;
  frame.remove();
}
await report(t0);`,
    s,
  );

/** The app in each of FRAMES' iframes: 100 to-do items in bursts of 10, a frame between. */
const FRAME_APP = (s: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Frame</title></head><body><ul class="todo-list"></ul>
<script>const S = ${JSON.stringify(s.slice(0, 100))};
var work = 0;
async function run() {
  const list = document.querySelector('.todo-list');
  for (let i = 0; i < 100; i += 10) {
    const t = performance.now();
    for (let k = i; k < i + 10; k++) {
      const li = document.createElement('li');
      li.textContent = S[k % S.length];
      list.append(li);
    }
    work += performance.now() - t;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}</script></body></html>`;

/** Bad input: runs for BAD_WINDOW_MS from its first change, counting frames. */
const BAD_WINDOW_MS = 8_000;

/** `script` starts the run: it sets `t0`, and the window follows. */
const badPage = (title: string, script: string, s: string[]) =>
  page(
    title,
    '',
    '<main id="app"></main>',
    `${script}
await new Promise((r) => setTimeout(r, ${BAD_WINDOW_MS}));
await report(t0);`,
    s,
  );

const FOREVER = (s: string[]) =>
  badPage(
    'Mutates forever',
    `
const t0 = performance.now();
const app = document.getElementById('app');
const ticker = [];
for (let i = 0; i < 30; i++) { const p = document.createElement('p'); p.append(S[i % S.length]); app.append(p); ticker.push(p.firstChild); }
let n = 0;
setInterval(() => timed(() => {
  for (const t of ticker) t.data = S[(n + ticker.indexOf(t)) % S.length];
  const p = document.createElement('p'); p.textContent = S[n % S.length]; app.append(p);
  if (app.childElementCount > 200) app.children[30].remove();
  n++;
}), 20);`,
    s,
  );

/**
 * 100,000 nodes in one append: right at load, they are part of the page Backstory reads
 * first (it waits for the page to settle); `afterMs` later, a change it follows.
 */
const HUGE = (afterMs: number) => (s: string[]) =>
  badPage(
    '100,000 nodes at once',
    `
await new Promise((r) => setTimeout(r, ${afterMs}));
const t0 = performance.now();
timed(() => {
  const f = document.createDocumentFragment();
  for (let i = 0; i < 50000; i++) { const p = document.createElement('p'); p.textContent = S[i % S.length]; f.append(p); }
  document.getElementById('app').append(f);
});`,
    s,
  );

const INNER_HTML = (s: string[]) =>
  badPage(
    'body.innerHTML every frame',
    `
const t0 = performance.now();
const html = S.slice(0, 60).map((x) => '<p>' + x + '</p>').join('');
let n = 0;
(function frame() {
  timed(() => { document.body.innerHTML = '<main>' + html + '<p>frame ' + n++ + '</p></main>'; });
  if (performance.now() - t0 < ${BAD_WINDOW_MS}) requestAnimationFrame(frame);
})();`,
    s,
  );

/** Corpus sentences of a list item's length. */
function sentences(corpus: Corpus): string[] {
  const out: string[] = [];
  for (const p of corpus.paragraphs) {
    for (const x of p.split(/(?<=[.!?])\s+/)) if (x.length >= 40 && x.length <= 160) out.push(x);
  }
  return out.slice(0, 400);
}

async function runApp(b: Browser, url: string): Promise<AppResult> {
  await b.page.goto(url, { waitUntil: 'load' });
  return waitResult(b.page);
}

async function waitResult(p: Page): Promise<AppResult> {
  await p.waitForFunction(
    () => (window as { __workload?: unknown }).__workload !== undefined,
    null,
    {
      timeout: 180_000,
      polling: 250,
    },
  );
  return p.evaluate(() => (window as unknown as { __workload: AppResult }).__workload);
}

interface BadResult {
  /** The extension's share of the run: sampled time with its code on the stack. */
  share: number;
  fpsWith: number;
  fpsWithout: number;
}

/**
 * A CPU profile rather than a trace: the observer callback runs in the microtask
 * checkpoint of the page's own mutating task, so a trace would count that whole task
 * as the extension's. Samples count only time with the content script on the stack.
 */
async function runBad(withExt: Browser, without: Browser, url: string): Promise<BadResult> {
  const stop = await startProfile(withExt.cdp);
  const t = await runApp(withExt, url);
  const profile = summarizeProfile(await stop(), withExt.extensionDir!);
  const base = await runApp(without, url);
  return { share: profile.extensionMs / t.elapsed, fpsWith: t.fps, fpsWithout: base.fps };
}

const APPS = [
  { key: 'todo', label: 'To-do list: add, complete, remove 1,000 items', html: TODO },
  { key: 'feed', label: 'Feed: 1,000 messages/s for 10 s', html: FEED },
  { key: 'vlist', label: 'Virtual list: 300 scroll frames, rows rewritten', html: VLIST },
  {
    key: 'frames',
    label: 'Frames: 40 iframes, each loaded, given 100 items, removed',
    html: FRAMES,
  },
];

const BAD = [
  {
    key: 'forever',
    label: 'Mutates forever (30 texts rewritten + a post every 20 ms)',
    html: FOREVER,
  },
  {
    key: 'huge-load',
    label: '100,000 nodes inserted at load (read as the page: its first read)',
    html: HUGE(0),
  },
  {
    key: 'huge',
    label: '100,000 nodes inserted at once, 2 s after load (a change followed)',
    html: HUGE(2_000),
  },
  { key: 'innerhtml', label: '`body.innerHTML` replaced every frame', html: INNER_HTML },
];

/**
 * Runs the app workloads in `pairs` interleaved rounds (with, without, the control) and
 * the bad-input pages once each.
 */
export async function runApps(
  corpus: Corpus,
  pairs: number,
  only: string[] | null = null,
): Promise<string> {
  const s = sentences(corpus);
  const html = new Map<string, string>();
  for (const a of [...APPS, ...BAD]) html.set(`/${a.key}.html`, a.html(s));
  html.set('/frame.html', FRAME_APP(s));
  const server = await serve({ pages: html });
  const withExt = await launch('backstory');
  const without = await launch('none');
  // What any extension with a content script in every frame costs (Chromium gives each
  // frame an isolated world for it): with ÷ control is Backstory's own share.
  const control = await launch('empty content script');
  const out: string[] = [];
  try {
    const rows: (string | number)[][] = [];
    const sides = [withExt, without, control];
    for (const app of APPS.filter((a) => !only || only.includes(a.key))) {
      const url = `${server.origin}/${app.key}.html`;
      const w: AppResult[] = [];
      const wo: AppResult[] = [];
      const c: AppResult[] = [];
      const runs = new Map<Browser, AppResult[]>([
        [withExt, w],
        [without, wo],
        [control, c],
      ]);
      for (let i = 0; i < pairs; i++) {
        for (const side of rotated(sides, i)) runs.get(side)!.push(await runApp(side, url));
        const round = [w, wo, c].map((r) => ms(r[i]!.elapsed)).join(' / ');
        log(`${app.key} round ${i + 1}/${pairs}: ${round} ms (with / without / control)`);
      }
      const m = (xs: AppResult[], f: (r: AppResult) => number) => median(xs.map(f));
      const ratio = (a: number | null, b: number | null, d = 3) =>
        a !== null && b ? (a / b).toFixed(d) : '—';
      // Per round, then the median: a round's runs share the machine's momentary load.
      const roundRatio = (num: AppResult[], den: AppResult[]) =>
        median(num.map((r, i) => r.elapsed / den[i]!.elapsed))?.toFixed(3) ?? '—';
      rows.push([
        app.label,
        `${ms(m(w, (r) => r.elapsed))} / ${ms(m(wo, (r) => r.elapsed))} / ${ms(m(c, (r) => r.elapsed))} ms`,
        `**${roundRatio(w, wo)}**`,
        roundRatio(w, c),
        `${ms(m(w, (r) => r.work))} / ${ms(m(wo, (r) => r.work))} / ${ms(m(c, (r) => r.work))} ms`,
        ratio(
          m(w, (r) => r.work),
          m(wo, (r) => r.work),
        ),
        `${ms(m(w, (r) => r.fps))} / ${ms(m(wo, (r) => r.fps))}`,
      ]);
    }
    out.push(
      `### App workloads (${pairs} interleaved rounds, medians)`,
      '',
      '| Workload | Run time, with / without / empty content script | With ÷ without | With ÷ control | App handlers, with / without / control | Ratio | Frames/s, with / without |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
    );
    const bad: (string | number)[][] = [];
    for (const page of BAD.filter((a) => !only || only.includes(a.key))) {
      await sleep(500);
      const r = await runBad(withExt, without, `${server.origin}/${page.key}.html`);
      log(`${page.key}: share ${(r.share * 100).toFixed(1)} %`);
      bad.push([
        page.label,
        `**${(r.share * 100).toFixed(1)} %**`,
        `${ms(r.fpsWith)} / ${ms(r.fpsWithout)}`,
      ]);
    }
    out.push(
      `### Bad input (one profiled run each, over the ${BAD_WINDOW_MS / 1000} s from the first change)`,
      '',
      "| Page | Backstory's main-thread share (sampled) | Frames/s, with / without |",
      '| --- | ---: | ---: |',
      ...bad.map((r) => `| ${r.join(' | ')} |`),
      '',
    );
  } finally {
    await withExt.close();
    await without.close();
    await control.close();
    await server.close();
  }
  return out.join('\n');
}
