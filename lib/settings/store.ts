import { storage } from 'wxt/utils/storage';
import {
  defaultSettings,
  invalidSettings,
  parseSettings,
  type ParsedSettings,
  type Settings,
} from './schema';

/**
 * Settings live in one storage item. It is stored raw and validated on every
 * read, so a corrupt or foreign value costs only the fields that are broken.
 * `version` starts the migration chain; add `migrations[n]` when the shape changes.
 */
const SETTINGS_VERSION = 1;

const settingsMigrations: Record<number, (old: unknown) => unknown> = {};

const SETTINGS_KEY = 'local:settings';

export function defineSettingsItem(
  version: number,
  migrations: Record<number, (old: unknown) => unknown>,
) {
  return storage.defineItem<unknown>(SETTINGS_KEY, {
    fallback: defaultSettings,
    version,
    migrations,
  });
}

let item: ReturnType<typeof defineSettingsItem> | undefined;

/**
 * The settings' storage item, defined on first use: defining it reads storage (its
 * migration check), and the content script loads this module in every frame of every
 * page, most of which are gone before they would read a setting.
 */
export function settingsItem(): ReturnType<typeof defineSettingsItem> {
  return (item ??= defineSettingsItem(SETTINGS_VERSION, settingsMigrations));
}

export async function readSettings(): Promise<ParsedSettings> {
  return parseSettings(await settingsItem().getValue());
}

/** Applies a change on top of the current (repaired) settings and stores the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = await readSettings();
  const next = parseSettings(change(settings)).settings;
  await settingsItem().setValue(next);
  return next;
}

export async function resetSettings(): Promise<void> {
  await settingsItem().setValue(defaultSettings);
}

/** Calls back with the repaired settings on every change, from any context. */
export function watchSettings(callback: (parsed: ParsedSettings) => void): () => void {
  return settingsItem().watch((value) => callback(parseSettings(value)));
}

export function isPaused(settings: Settings, host: string): boolean {
  return !settings.enabled || settings.pausedHosts.includes(host.toLowerCase());
}

export function setPaused(settings: Settings, host: string, paused: boolean): Settings {
  const h = host.toLowerCase();
  const others = settings.pausedHosts.filter((x) => x !== h);
  return { ...settings, pausedHosts: paused ? [...others, h] : others };
}

/** The file users export: a marked, versioned wrapper around the settings. */
export function exportSettingsFile(settings: Settings): string {
  return JSON.stringify({ backstorySettings: SETTINGS_VERSION, settings }, null, 2) + '\n';
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * Reads an exported file. Unlike storage, an import is all or nothing: a file that
 * is not ours, or has any invalid field, is rejected with the reason and nothing changes.
 */
export function parseSettingsFile(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || !('backstorySettings' in data)) {
    return {
      ok: false,
      error: 'This is not a Backstory settings file (the "backstorySettings" marker is missing).',
    };
  }
  const { backstorySettings: version, settings } = data as {
    backstorySettings: unknown;
    settings: unknown;
  };
  if (typeof version !== 'number' || version > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `The file is from an unknown settings version (${String(version)}); this Backstory reads up to version ${SETTINGS_VERSION}.`,
    };
  }
  let migrated = settings;
  for (let v = version + 1; v <= SETTINGS_VERSION; v++)
    migrated = settingsMigrations[v]?.(migrated) ?? migrated;
  const invalid = invalidSettings(migrated);
  if (invalid.length > 0) {
    return { ok: false, error: `The file has invalid settings: ${invalid.join('; ')}.` };
  }
  return { ok: true, settings: parseSettings(migrated).settings };
}
