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
 * The settings' storage item, for writing and migrating. Defined on first use: defining
 * it runs its migration check (a storage read, and one more after it), which pages
 * should not pay for; they only read and watch.
 */
export function settingsItem(): ReturnType<typeof defineSettingsItem> {
  return (item ??= defineSettingsItem(SETTINGS_VERSION, settingsMigrations));
}

/** Brings the stored settings up to this version; the background runs it when it starts. */
export function migrateSettings(): Promise<void> {
  return settingsItem().migrate();
}

/**
 * The stored settings, repaired: one storage read. A page reads them before it is
 * marked, and a value a migration has not reached yet is repaired field by field
 * like any other; writes go through the item, which migrates first.
 */
export async function readSettings(): Promise<ParsedSettings> {
  return parseSettings(await storage.getItem<unknown>(SETTINGS_KEY, { fallback: defaultSettings }));
}

/**
 * Applies a change on top of the current (repaired) settings and stores the result. It
 * reads through the item, after any migration: a change applied to an older shape would
 * overwrite the migrated value with that shape's repair.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = parseSettings(await settingsItem().getValue());
  const next = parseSettings(change(settings)).settings;
  await settingsItem().setValue(next);
  return next;
}

export async function resetSettings(): Promise<void> {
  await settingsItem().setValue(defaultSettings);
}

/** Calls back with the repaired settings on every change, from any context. */
export function watchSettings(callback: (parsed: ParsedSettings) => void): () => void {
  return storage.watch<unknown>(SETTINGS_KEY, (value) =>
    callback(parseSettings(value ?? defaultSettings)),
  );
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
