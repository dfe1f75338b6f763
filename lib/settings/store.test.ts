import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultSettings, parseSettings } from './schema';
import {
  defineSettingsItem,
  exportSettingsFile,
  isPaused,
  parseSettingsFile,
  readSettings,
  resetSettings,
  setPaused,
  settingsItem,
  updateSettings,
  watchSettings,
} from './store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings schema', () => {
  it('derives every default from the schema', () => {
    expect(parseSettings(undefined)).toEqual({ settings: defaultSettings, problems: [] });
    expect(defaultSettings.marking).toBe('first');
    expect(defaultSettings.broadMode).toBe('topic');
    expect(defaultSettings.hoverDelayMs).toBe(400);
    expect(Object.values(defaultSettings.categories).every(Boolean)).toBe(true);
  });

  it('falls back field by field and says what it reset', () => {
    const { settings, problems } = parseSettings({
      theme: 'purple',
      hoverDelayMs: 50,
      marking: 'all',
      broadMode: 'sometimes',
      categories: { person: 'yes', place: false },
      pausedHosts: ['example.com'],
    });
    expect(settings.theme).toBe('system');
    expect(settings.hoverDelayMs).toBe(400);
    expect(settings.marking).toBe('all');
    expect(settings.broadMode).toBe('topic');
    expect(settings.categories.person).toBe(true);
    expect(settings.categories.place).toBe(false);
    expect(settings.pausedHosts).toEqual(['example.com']);
    expect(problems).toEqual([
      'categories.person: "yes" is not valid (expected true or false); reset to true',
      'broadMode: "sometimes" is not valid (expected one of topic, always, never); reset to "topic"',
      'hoverDelayMs: 50 is not valid (expected at least 100 ms); reset to 400',
      'theme: "purple" is not valid (expected one of system, light, dark); reset to "system"',
    ]);
  });

  it('treats a foreign value as defaults, reporting it', () => {
    expect(parseSettings('garbage')).toEqual({
      settings: defaultSettings,
      problems: ['settings: expected an object, got "garbage"; using defaults'],
    });
  });
});

describe('settings storage', () => {
  it('reads defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual({ settings: defaultSettings, problems: [] });
  });

  it('keeps the valid fields of a corrupt stored value', async () => {
    await fakeBrowser.storage.local.set({ settings: { marking: 'none', theme: 42 } });
    const { settings, problems } = await readSettings();
    expect(settings.marking).toBe('none');
    expect(settings.theme).toBe('system');
    expect(problems).toHaveLength(1);
  });

  it('updates, resets and notifies watchers', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings(({ settings }) => seen.push(settings.marking));
    await updateSettings((s) => ({ ...s, marking: 'all' }));
    expect((await readSettings()).settings.marking).toBe('all');
    await resetSettings();
    expect((await readSettings()).settings).toEqual(defaultSettings);
    unwatch();
    expect(seen).toEqual(['all', 'first']);
  });

  it('pauses and resumes a site', () => {
    const paused = setPaused(defaultSettings, 'News.Example.com', true);
    expect(isPaused(paused, 'news.example.com')).toBe(true);
    expect(isPaused(setPaused(paused, 'news.example.com', false), 'news.example.com')).toBe(false);
    expect(isPaused({ ...defaultSettings, enabled: false }, 'any.org')).toBe(true);
  });

  it('reads and watches without migrating, and migrates when asked', async () => {
    // A fresh module: this one's settings item may have been defined (and so migrated) already.
    vi.resetModules();
    const store = await import('./store');
    const old = { ...defaultSettings, hoverDelay: 0.6 };
    await fakeBrowser.storage.local.set({ settings: old, settings$: { v: 0 } });
    const seen: unknown[] = [];
    const unwatch = store.watchSettings(({ settings }) => seen.push(settings.marking));
    await store.readSettings();
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: old,
      settings$: { v: 0 },
    });
    await store.migrateSettings();
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 1 } });
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings, marking: 'all' } });
    unwatch();
    expect(seen).toEqual(['all']);
  });

  it('runs migrations when the stored version is older', async () => {
    await settingsItem().setValue({ ...defaultSettings, hoverDelay: 0.6 });
    const v2 = defineSettingsItem(2, {
      2: (old) => {
        const { hoverDelay, ...rest } = old as { hoverDelay: number };
        return { ...rest, hoverDelayMs: Math.round(hoverDelay * 1000) };
      },
    });
    await v2.migrate();
    const migrated = parseSettings(await v2.getValue());
    expect(migrated.settings.hoverDelayMs).toBe(600);
    expect(migrated.problems).toEqual([]);
  });
});

describe('settings files', () => {
  it('round-trips an export', () => {
    const settings = { ...defaultSettings, marking: 'all' as const, pausedHosts: ['example.org'] };
    expect(parseSettingsFile(exportSettingsFile(settings))).toEqual({ ok: true, settings });
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['foreign JSON', '{"theme":"dark"}', /not a Backstory settings file/],
    [
      'a future version',
      '{"backstorySettings":99,"settings":{}}',
      /unknown settings version \(99\)/,
    ],
    [
      'an invalid field',
      '{"backstorySettings":1,"settings":{"theme":"neon"}}',
      /invalid settings: theme: "neon" is not valid/,
    ],
  ])('rejects %s, naming the problem', (_kind, text, message) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('says what is wrong in a refused file, not what storage would have done', () => {
    const result = parseSettingsFile(
      '{"backstorySettings":1,"settings":{"pausedHosts":["Not A Host!"],"marking":"loud"}}',
    );
    expect(result).toEqual({
      ok: false,
      error:
        'The file has invalid settings: pausedHosts: ["Not A Host!"] is not valid (expected host names such as example.com); marking: "loud" is not valid (expected one of first, all, none).',
    });
  });
});
