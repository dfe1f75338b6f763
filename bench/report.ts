/** The Markdown report of the static tiers (bench/results.md), before Prettier formats it. */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/support/paths';
import { DEFAULT_VIEWPORT } from '../tests/support/chromium';
import type { BuildInfo } from './build-info';
import { CHANGED_FRAMES, JUMP_TO, MUTATIONS } from './page-measures';
import { HEARTBEAT_MS } from './probe';
import type { ProfiledTier, TierResult } from './static-tiers';
import { fixed, kb, mb, ms, ratio } from './stats';
import { summarize } from './summary';
import type { Tier } from './tiers';

const LEGEND = join(ROOT, 'bench/report-legend.md');

/** bench/report-legend.md with this run's tier windows and constants filled in. */
function legend(tiers: Tier[]): string {
  const values: Record<string, string> = {
    windows: tiers.map((t) => `${t.label} ${t.windowMs / 1000} s`).join(', '),
    mutations: String(MUTATIONS),
    jumpTo: String(JUMP_TO * 100),
    changedFrames: String(CHANGED_FRAMES),
    heartbeat: String(HEARTBEAT_MS),
  };
  return readFileSync(LEGEND, 'utf8')
    .trimEnd()
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`${LEGEND}: no value for {{${key}}}`);
      return value;
    });
}

/** A duration given in µs, shown in µs or ms. */
function us(x: number | null): string {
  if (x === null) return '—';
  return x >= 1000 ? `${ms(x / 1000, 1)} ms` : `${ms(x)} µs`;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: (string | number)[][]): string {
  const align = head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [row(head), row(align), ...rows.map(row)].join('\n');
}

export function report(
  results: TierResult[],
  meta: BuildInfo,
  profile: ProfiledTier | null,
): string {
  const s = results.map((t) => ({ t, s: summarize(t) }));
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const cpu = cpus();
  const out: string[] = [];
  out.push('# Backstory page-engine benchmark', '');
  out.push(
    `${date} · ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GB · ${meta.chromium} (headless, /usr/bin/chromium) · ` +
      `Node ${process.version} · viewport ${DEFAULT_VIEWPORT.width}×${DEFAULT_VIEWPORT.height} · ${meta.source}`,
    '',
  );
  out.push(
    `Content script (\`.output/chrome-mv3-bench/content-scripts/content.js\`, every frame): ` +
      `**${kb(meta.bundle.content.raw)} raw, ${kb(meta.bundle.content.gzip)} gzip**. ` +
      `Engine (\`page-runner.js\`, imported at load in the top frame, once quiet in other frames): ` +
      `${kb(meta.bundle.engine.raw)} raw, ${kb(meta.bundle.engine.gzip)} gzip. ` +
      `Card UI (\`card-ui.js\`, imported on the first card): ` +
      `${kb(meta.bundle.cardUi.raw)} raw, ${kb(meta.bundle.cardUi.gzip)} gzip.`,
    '',
  );

  out.push('## Extension vs. the same page without it (medians)', '');
  out.push(
    table(
      [
        'Page (text)',
        'HTML / elements',
        'Runs',
        'Load event, with / empty content script / without',
        'Frames/s while indexing, with / without',
        'Added TBT after load',
        'Added TBT whole load',
        'Longest task after load, with / without',
        'Viewport marked',
        'Marks visible',
        'Indexed',
        'Card, first / again',
        'Heap added',
        'Ranges',
        'Mentions (blocks)',
        'DOM insert+remove, with / without',
        'Frame after a DOM change, with / without',
      ],
      s.map(({ t, s }) => [
        `${t.page.tier.label} (${kb(t.page.textChars, 0)})`,
        `${kb(t.page.htmlBytes, 0)} / ${ms(s.elements)}`,
        t.ext.length,
        `${ms(s.ext.loadEnd)} / ${ms(s.control.loadEnd)} / ${ms(s.base.loadEnd)} ms (${fixed(s.loadRatioToControl)} of the control, ${fixed(s.loadRatio)} of without)`,
        `${ms(s.ext.fps)} / ${ms(s.base.fps)}`,
        `${ms(s.addedTbtAfterLoad)} ms`,
        `${ms(s.addedTbtWhole)} ms`,
        `${ms(s.ext.longestAfterLoad)} / ${ms(s.base.longestAfterLoad)} ms`,
        `${ms(s.viewportAfterLoad)} ms`,
        `${ms(s.visibleAfterLoad)} ms`,
        `${ms(s.indexedAfterLoad)} ms${s.indexedPastWindow ? ` (${s.indexedPastWindow} past window)` : ''}`,
        s.cardsShown ? `${ms(s.card, 1)} / ${ms(s.cardRepeat, 1)} ms` : 'no card',
        `${mb(s.addedHeap)} MB`,
        ms(s.ranges),
        `${ms(s.mentions)} (${ms(s.blocks)})`,
        `${us(s.ext.insertRemove)} / ${us(s.base.insertRemove)}`,
        `${ms(s.ext.frameAfterChange, 1)} / ${ms(s.base.frameAfterChange, 1)} ms`,
      ]),
    ),
    '',
  );

  out.push('## mark.js on the same pages, without the extension', '');
  out.push(
    table(
      [
        'Page',
        'mark.js `mark(aliases)`: TBT / longest / total',
        'marks',
        'mark.js one regex: TBT / longest / total',
        'marks',
        'Extension added TBT ÷ mark.js TBT',
      ],
      s.map(({ t, s }) => {
        const k = s.markjs;
        const r = s.markjsRegex;
        const added = s.addedTbtAfterLoad === null ? null : Math.max(0, s.addedTbtAfterLoad);
        const addedWhole = s.addedTbtWhole === null ? null : Math.max(0, s.addedTbtWhole);
        const own = t.trace?.blockingMs ?? null;
        return [
          t.page.tier.label,
          t.markjs.length
            ? `${ms(k.tbt)} / ${ms(k.longest)} / ${ms(k.total)} ms (${t.markjs.length} run${t.markjs.length > 1 ? 's' : ''})`
            : 'not run',
          ms(k.marks),
          t.markjsRegex.length
            ? `${ms(r.tbt)} / ${ms(r.longest)} / ${ms(r.total)} ms (${t.markjsRegex.length})`
            : 'not run',
          ms(r.marks),
          t.markjs.length
            ? `after load ${ratio(added, k.tbt)} · whole load ${ratio(addedWhole, k.tbt)} · own tasks ${ratio(own, k.tbt)}`
            : '—',
        ];
      }),
    ),
    '',
  );

  out.push("## The extension's own main-thread tasks (one traced load per tier)", '');
  out.push(
    table(
      [
        'Page',
        'Tasks',
        'Main-thread time',
        'Longest',
        'Tasks > 50 ms',
        'TBT of own tasks',
        'Longest tasks (parts)',
      ],
      s.map(({ t }) => {
        const tr = t.trace;
        if (!tr) return [t.page.tier.label, '—', '—', '—', '—', '—', 'not traced'];
        const parts = tr.top
          .filter((x) => x.duration > 16)
          .map(
            (x) =>
              `${ms(x.duration)} ms at ${ms(x.start)} (` +
              (Object.entries(x.parts)
                .filter(([, v]) => v >= 1)
                .sort((a, b) => b[1] - a[1])
                .map(([k, v]) => `${k} ${ms(v)}`)
                .join(', ') || 'script') +
              ')',
          )
          .join('; ');
        return [
          t.page.tier.label,
          tr.tasks,
          `${ms(tr.totalMs)} ms`,
          `${ms(tr.longest, 1)} ms`,
          tr.over50,
          `${ms(tr.blockingMs)} ms`,
          parts || 'none over 16 ms',
        ];
      }),
    ),
    '',
  );

  out.push('## Details (medians)', '');
  out.push(
    table(
      [
        'Page',
        'TBT after load, with / without',
        'TBT whole load, with / without',
        'Longest task whole load, with / without',
        'LoAF blocking added',
        'Load event, with / empty content script / without',
        'Viewport marked / marks visible / indexed (from navigation start)',
        'After load: settled / engine loaded / settings read / matcher built / viewport marked',
        'Worst page-timer delay after load, with / without',
        "Page's first timer after load, with / without",
        'Frames/s from load to indexed, with / without',
        'JS heap, with / without',
        'Text edit, with / without',
      ],
      s.map(({ t, s }) => [
        t.page.tier.label,
        `${ms(s.ext.tbtAfterLoad)} / ${ms(s.base.tbtAfterLoad)} ms`,
        `${ms(s.ext.tbtWhole)} / ${ms(s.base.tbtWhole)} ms`,
        `${ms(s.ext.longestWhole)} / ${ms(s.base.longestWhole)} ms`,
        `${ms(s.addedLoaf)} ms`,
        `${ms(s.ext.loadEnd)} / ${ms(s.control.loadEnd)} / ${ms(s.base.loadEnd)} ms`,
        `${ms(s.viewportFromNav)} / ${ms(s.visibleFromNav)} / ${ms(s.indexedFromNav)} ms`,
        `${[...s.startUpAfterLoad, s.viewportAfterLoad].map((x) => ms(x)).join(' / ')} ms`,
        `${ms(s.ext.timerGap)} / ${ms(s.base.timerGap)} ms`,
        `${ms(s.ext.busyAfterLoad)} / ${ms(s.base.busyAfterLoad)} ms`,
        `${ms(s.ext.fps)} / ${ms(s.base.fps)}`,
        `${mb(s.ext.heap)} / ${mb(s.base.heap)} MB`,
        `${us(s.ext.edit)} / ${us(s.base.edit)}`,
      ]),
    ),
    '',
  );

  if (profile) {
    const p = profile.summary;
    out.push(`## CPU profile of one ${profile.tier.label} load with the extension`, '');
    out.push(
      `Sampled JS time: ${ms(p.totalMs)} ms, of which ${ms(p.extensionMs)} ms with the content ` +
        'script on the stack (navigation start → load + window; sampling every 0.25 ms slows it down).',
      '',
    );
    out.push(
      table(
        ['Inclusive (extension function)', 'ms', 'Self (leaf, incl. native calls)', 'ms'],
        Array.from({ length: Math.max(p.inclusive.length, p.self.length) }, (_, i) => [
          p.inclusive[i]?.name ?? '',
          ms(p.inclusive[i]?.ms),
          p.self[i]?.name ?? '',
          ms(p.self[i]?.ms),
        ]),
      ),
      '',
    );
  }

  const per = (f: (t: TierResult, x: ReturnType<typeof summarize>) => string) =>
    s.map(({ t, s }) => `${t.page.tier.label}: ${f(t, s)}`).join(', ');
  const at = (keys: string[]) => s.filter(({ t }) => keys.includes(t.page.tier.key));
  const one = s.find(({ t }) => t.page.tier.key === '1M')?.s;
  out.push('## Targets (issue 8)', '');
  out.push(
    table(
      ['Target', 'Measured'],
      [
        [
          'Load event with ÷ without ≤ 1.03 at 1 MB and 5 MB',
          at(['1M', '5M'])
            .map(
              ({ t, s }) =>
                `${t.page.tier.label}: ${fixed(s.loadRatio)} (÷ empty content script ${fixed(s.loadRatioToControl)})`,
            )
            .join(', ') || 'not measured',
        ],
        [
          'Frames/s while indexing ≥ 80 % of without',
          per((_, x) =>
            x.ext.fps !== null && x.base.fps
              ? `${Math.round((x.ext.fps / x.base.fps) * 100)} %`
              : '—',
          ),
        ],
        ['Heap added ≤ 6 MB at 5 MB of text', per((_, x) => `${mb(x.addedHeap)} MB`)],
        [
          'Added blocking time stays 0',
          per((_, x) => `${ms(Math.max(0, x.addedTbtAfterLoad ?? 0))} ms`),
        ],
        ['No own task ≥ 50 ms', per((t) => (t.trace ? `${ms(t.trace.longest)} ms` : '—'))],
        [
          'Viewport marked ≤ 100 ms after load',
          per(
            (_, x) =>
              `${ms(x.viewportAfterLoad)} ms (${ms(x.viewportAfterPageFree)} after the page's own first free moment)`,
          ),
        ],
        [
          `Far mention hoverable ≤ 300 ms after the intent delay (a jump to ${JUMP_TO * 100} % as the first screen is marked)`,
          per((_, x) =>
            x.farHovers === 0
              ? '—'
              : `${ms(x.farLate)} ms` +
                (x.farIndexedBefore > 0
                  ? ` (${x.farIndexedBefore} of ${x.farHovers} read to the end before the jump)`
                  : ''),
          ),
        ],
        [
          'Card ≤ 16 ms after the intent delay',
          per((_, x) => `${ms(x.card, 1)} ms (again ${ms(x.cardRepeat, 1)})`),
        ],
        [
          'Added TBT on 1 MB ≤ 1/20 of mark.js',
          one && one.markjs.tbt !== null
            ? `after load ${ratio(Math.max(0, one.addedTbtAfterLoad ?? 0), one.markjs.tbt)}, whole load ${ratio(Math.max(0, one.addedTbtWhole ?? 0), one.markjs.tbt)} (mark.js ${ms(one.markjs.tbt)} ms)`
            : 'not measured',
        ],
        [
          'Content script ≤ 40 kB gzip',
          `${kb(meta.bundle.content.gzip)} (engine, imported at load: ${kb(meta.bundle.engine.gzip)})`,
        ],
      ],
    ),
    '',
  );

  out.push('## Legend', '', legend(results.map((t) => t.page.tier)), '');
  return out.join('\n');
}
