// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultSettings, type Settings } from '../settings/schema';
import {
  exportSettingsFile,
  parseSettingsFile,
  readSettings,
  settingsItem,
  updateSettings,
} from '../settings/store';
import type { OptionsEnv } from './env';
import { EXPORT_FILENAME, mountOptions } from './OptionsApp';
import { renderRoot } from '../test-support/render-root';

function fakeEnv() {
  return {
    download: vi.fn(),
    shortcuts: vi.fn(async () => [
      { description: 'Open the Backstory lookup', shortcut: 'Alt+Shift+K' },
      { description: 'Open the card of the next mention on the page', shortcut: '' },
    ]),
    shortcutsPage: { address: 'chrome://extensions/shortcuts' },
    copy: vi.fn(async () => undefined),
  } satisfies OptionsEnv;
}

const root = renderRoot();

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

async function mount(env: OptionsEnv = fakeEnv()) {
  act(() => mountOptions(root, env));
  await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Backstory settings'));
}

const stored = async () => (await readSettings()).settings;
const text = (el: Element | null) => el?.textContent ?? '';
const button = (label: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button “${label}”`);
  return found;
};
const alertText = () => text(root.querySelector('[role="alert"]'));
const backupAlertText = () => text(root.querySelector('.buttons ~ [role="alert"]'));
/** Storage refuses every write from now on, as when the disk is full. */
const failWrites = () =>
  vi
    .spyOn(fakeBrowser.storage.local, 'set')
    .mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
const statusText = () =>
  [...root.querySelectorAll('[role="status"]')].map((el) => el.textContent).join(' ');

function chooseFile(content: string | File, name = 'settings.json') {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file =
    typeof content === 'string' ? new File([content], name, { type: 'application/json' }) : content;
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('options: every setting, applied as it changes', () => {
  it('stores each control as the user changes it', async () => {
    await mount();
    const click = (selector: string) => {
      act(() => root.querySelector<HTMLInputElement>(selector)!.click());
    };

    click('input[type="checkbox"]:not([name])');
    await vi.waitFor(async () => expect((await stored()).enabled).toBe(false));

    click('input[name="marking"][value="all"]');
    await vi.waitFor(async () => expect((await stored()).marking).toBe('all'));

    click('input[name="broadMode"][value="never"]');
    await vi.waitFor(async () => expect((await stored()).broadMode).toBe('never'));

    click('input[name="category"][value="media"]');
    await vi.waitFor(async () => expect((await stored()).categories.media).toBe(false));

    click('input[name="theme"][value="dark"]');
    await vi.waitFor(async () => expect((await stored()).theme).toBe('dark'));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));

    const select = root.querySelector<HTMLSelectElement>('#modifier')!;
    act(() => {
      select.value = 'Alt';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await stored()).modifier).toBe('Alt'));

    const range = root.querySelector<HTMLInputElement>('#hover-delay')!;
    expect(range.min).toBe('100');
    expect(range.max).toBe('2000');
    act(() => {
      range.value = '750';
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(text(root.querySelector('output'))).toBe('750 ms');
    expect((await stored()).hoverDelayMs).toBe(400);
    act(() => {
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await stored()).hoverDelayMs).toBe(750));
  });

  it('keeps both of two quick changes', async () => {
    await mount();
    act(() => {
      root.querySelector<HTMLInputElement>('input[name="category"][value="media"]')!.click();
      root.querySelector<HTMLInputElement>('input[name="category"][value="event"]')!.click();
    });
    await vi.waitFor(async () =>
      expect((await stored()).categories).toMatchObject({ media: false, event: false }),
    );
  });

  it('lists paused sites and removes them', async () => {
    await updateSettings((s) => ({ ...s, pausedHosts: ['a.example', 'b.example'] }));
    await mount();
    await vi.waitFor(() => expect(root.querySelectorAll('.hosts li')).toHaveLength(2));
    const remove = root.querySelector<HTMLButtonElement>('button[aria-label="Remove a.example"]')!;
    act(() => remove.click());
    await vi.waitFor(async () => expect((await stored()).pausedHosts).toEqual(['b.example']));
    await vi.waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove b.example'),
    );
  });

  it('follows changes made elsewhere', async () => {
    await mount();
    await updateSettings((s) => ({ ...s, marking: 'none' }));
    await vi.waitFor(() =>
      expect(root.querySelector<HTMLInputElement>('input[value="none"]')!.checked).toBe(true),
    );
  });

  it('shows the shortcuts and where to change them', async () => {
    const env = fakeEnv();
    await mount(env);
    await vi.waitFor(() => expect(text(root.querySelector('.shortcuts'))).toContain('Alt+Shift+K'));
    expect(text(root.querySelector('.shortcuts'))).toContain('Not set');
    expect(text(root)).toContain('chrome://extensions/shortcuts');
    act(() => button('Copy address').click());
    expect(env.copy).toHaveBeenCalledWith('chrome://extensions/shortcuts');
    await vi.waitFor(() => expect(statusText()).toContain('Address copied.'));
  });

  it('says so when the shortcuts cannot be listed', async () => {
    const env = fakeEnv();
    env.shortcuts.mockRejectedValue(new Error('commands are unavailable'));
    await mount(env);
    await vi.waitFor(() =>
      expect(text(root)).toContain(
        'Backstory could not list its shortcuts (commands are unavailable).',
      ),
    );
    expect(text(root)).toContain('chrome://extensions/shortcuts');
  });

  it('shows settings problems and stores the repair', async () => {
    await settingsItem().setValue({ ...defaultSettings, theme: 'purple' });
    await mount();
    expect(text(root.querySelector('.problems'))).toContain('theme: "purple" is not valid');
    act(() => button('Keep the repaired settings').click());
    await vi.waitFor(() => expect(root.querySelector('.problems')).toBeNull());
    expect(await settingsItem().getValue()).toEqual(defaultSettings);
  });
});

describe('options: back up and restore', () => {
  const custom: Settings = { ...defaultSettings, marking: 'all', pausedHosts: ['x.example'] };

  it('exports the current settings as backstory-settings.json', async () => {
    await updateSettings(() => custom);
    const env = fakeEnv();
    await mount(env);
    act(() => button('Export settings').click());
    expect(env.download).toHaveBeenCalledWith(EXPORT_FILENAME, exportSettingsFile(custom));
    expect(parseSettingsFile(env.download.mock.calls[0]![1])).toEqual({
      ok: true,
      settings: custom,
    });
  });

  it('rejects a malformed file, says why, and changes nothing', async () => {
    await updateSettings(() => custom);
    await mount();
    chooseFile('{"backstorySettings": 1, "settings": {"marking": "loud"', 'broken.json');
    await vi.waitFor(() => expect(alertText()).toContain('broken.json was not imported'));
    expect(alertText()).toContain('not valid JSON');
    expect(await stored()).toEqual(custom);
    expect(await settingsItem().getValue()).toEqual(custom);
  });

  it('rejects a file that is not ours, and one with an invalid value', async () => {
    await updateSettings(() => custom);
    await mount();
    chooseFile('{"theme": "dark"}', 'other.json');
    await vi.waitFor(() => expect(alertText()).toContain('not a Backstory settings file'));

    chooseFile(
      JSON.stringify({ backstorySettings: 1, settings: { ...custom, hoverDelayMs: 5 } }),
      'edited.json',
    );
    await vi.waitFor(() => expect(alertText()).toContain('edited.json was not imported'));
    expect(alertText()).toContain('hoverDelayMs');
    expect(await stored()).toEqual(custom);
  });

  it('imports a good file and says so', async () => {
    await mount();
    chooseFile(exportSettingsFile(custom), 'backup.json');
    await vi.waitFor(() =>
      expect(statusText()).toContain('Imported the settings from backup.json'),
    );
    expect(alertText()).toBe('');
    expect(await stored()).toEqual(custom);
  });

  it('resets to defaults, with an undo', async () => {
    await updateSettings(() => custom);
    await mount();
    act(() => button('Reset to defaults').click());
    await vi.waitFor(async () => expect(await stored()).toEqual(defaultSettings));
    await vi.waitFor(() => expect(statusText()).toContain('Settings reset to defaults.'));
    act(() => button('Undo').click());
    await vi.waitFor(async () => expect(await stored()).toEqual(custom));
  });

  it.each([
    {
      action: 'reset',
      run: () => {
        act(() => button('Reset to defaults').click());
      },
      alert: 'The settings were not reset (QUOTA_BYTES quota exceeded); they are unchanged.',
      success: 'Settings reset to defaults.',
    },
    {
      action: 'import',
      run: () => chooseFile(exportSettingsFile(defaultSettings), 'backup.json'),
      alert:
        'backup.json was not imported: Backstory could not store it (QUOTA_BYTES quota exceeded). Your settings are unchanged.',
      success: 'Imported',
    },
  ])(
    'says so when the $action cannot be stored, and keeps the settings',
    async ({ run, alert, success }) => {
      await updateSettings(() => custom);
      await mount();
      failWrites();
      run();
      await vi.waitFor(() => expect(backupAlertText()).toContain(alert));
      expect(statusText()).not.toContain(success);
      vi.restoreAllMocks();
      expect(await stored()).toEqual(custom);
    },
  );

  it('says so when the chosen file cannot be read', async () => {
    await updateSettings(() => custom);
    await mount();
    const file = new File(['{}'], 'moved.json', { type: 'application/json' });
    file.text = () => Promise.reject(new Error('the file changed on disk'));
    chooseFile(file);
    await vi.waitFor(() =>
      expect(backupAlertText()).toBe(
        '“moved.json” could not be read (the file changed on disk). Your settings are unchanged.',
      ),
    );
    expect(await stored()).toEqual(custom);
  });

  it('says so when the undo cannot be stored, and offers it again', async () => {
    await updateSettings(() => custom);
    await mount();
    act(() => button('Reset to defaults').click());
    await vi.waitFor(() => expect(statusText()).toContain('Settings reset to defaults.'));
    failWrites();
    act(() => button('Undo').click());
    await vi.waitFor(() =>
      expect(backupAlertText()).toContain('Your previous settings could not be restored'),
    );
    expect(statusText()).not.toContain('Your previous settings are back.');
    vi.restoreAllMocks();
    act(() => button('Undo').click());
    await vi.waitFor(async () => expect(await stored()).toEqual(custom));
    await vi.waitFor(() => expect(statusText()).toContain('Your previous settings are back.'));
  });
});

describe('options: settings that cannot be read', () => {
  it('names what failed, shows no controls and stores nothing', async () => {
    await updateSettings((s) => ({ ...s, marking: 'all' }));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(
      new Error('the storage area is unavailable'),
    );
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await mount();
    await vi.waitFor(() =>
      expect(alertText()).toContain(
        'Backstory could not read your settings (the storage area is unavailable). Nothing was changed.',
      ),
    );
    expect(root.querySelector('input, select')).toBeNull();
    expect(root.querySelector('[aria-busy]')).toBeNull();
    expect(set).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect((await stored()).marking).toBe('all');
  });
});
