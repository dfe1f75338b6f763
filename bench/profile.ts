/**
 * A V8 CPU profile of one page load with the extension (CDP `Profiler`), reduced
 * to where the content script's time goes: inclusive time per extension function
 * (which engine phase) and self time per leaf (which API or builtin it waits on).
 * The bundle is minified; short names come with a snippet of the source around
 * them so they can be found in the script (content.js, page-runner.js, …).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface ProfileEntry {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** Sampled time with an extension frame on the stack. */
  extensionMs: number;
  /** Sampled time with a JS stack, any script (the page has none but the extension's). */
  totalMs: number;
  inclusive: ProfileEntry[];
  self: ProfileEntry[];
}

export async function startProfile(cdp: CDPSession): Promise<() => Promise<Profile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    return profile as unknown as Profile;
  };
}

const isExtension = (f: CallFrame) => f.url.startsWith('chrome-extension://');

/**
 * `extensionDir` is the copy of the build the browser loaded (.output may have been
 * rebuilt since): snippets come from its scripts.
 */
export function summarizeProfile(profile: Profile, extensionDir: string, top = 14): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const scripts = new Map<string, { source: string; lineStarts: number[] }>();
  const scriptAt = (url: string) => {
    const path = new URL(url).pathname;
    let script = scripts.get(path);
    if (!script) {
      const source = readFileSync(join(extensionDir, path), 'utf8');
      const lineStarts = [0];
      for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
      scripts.set(path, (script = { source, lineStarts }));
    }
    return script;
  };
  const label = (f: CallFrame): string => {
    const name = f.functionName || '(anonymous)';
    if (!isExtension(f)) return f.url ? `${name} [page]` : `${name} [native]`;
    if (name.length > 3) return name;
    // Positions are 0-based; the snippet starts at the function so it can be found.
    const { source, lineStarts } = scriptAt(f.url);
    const at = (lineStarts[f.lineNumber] ?? 0) + f.columnNumber;
    const snippet = source
      .slice(at, at + 40)
      .replace(/\s+/g, ' ')
      .replace(/`/g, "'")
      .replace(/\|/g, '\\|');
    return `${name} \`${snippet}\``;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let extensionMs = 0;
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(profile.samples[i]!);
    if (!leaf) continue;
    const stack: CallFrame[] = [];
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      stack.push(byId.get(id)!.callFrame);
    }
    const name = leaf.callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue;
    totalMs += dt;
    const inExtension = stack.some(isExtension);
    if (!inExtension && name !== '(garbage collector)') continue;
    if (inExtension) extensionMs += dt;
    self.set(label(leaf.callFrame), (self.get(label(leaf.callFrame)) ?? 0) + dt);
    const seen = new Set<string>();
    for (const f of stack) {
      if (!isExtension(f)) continue;
      const key = label(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return { extensionMs, totalMs, inclusive: sorted(inclusive), self: sorted(self) };
}
