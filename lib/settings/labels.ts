import type { BroadMode } from '../match/evidence';
import type { Marking, ModifierKey, Theme } from './schema';

/** How the settings' values read in the popup and the options page. */

export const markingLabels: Record<Marking, { label: string; hint: string }> = {
  first: { label: 'First mention', hint: 'Mark the first mention of each entity on a page.' },
  all: { label: 'Every mention', hint: 'Mark every mention.' },
  none: {
    label: 'None',
    hint: 'Mark nothing; rest the pointer on a name to reveal it, then click it for its card.',
  },
};

export const broadModeLabels: Record<BroadMode, { label: string; hint: string }> = {
  topic: {
    label: 'On topic pages',
    hint: 'Mark countries, regions, big cities and institutions only on pages that name one of the specific people, groups or events Backstory knows.',
  },
  always: { label: 'Always', hint: 'Mark them on every page.' },
  never: { label: 'Never', hint: 'Never mark them.' },
};

export const modifierLabels: Record<ModifierKey, string> = {
  none: 'No key: open on hover alone',
  Alt: 'Alt (Option on a Mac)',
  Control: 'Ctrl',
  Shift: 'Shift',
  Meta: 'Command on a Mac, Windows key elsewhere',
};

export const themeLabels: Record<Theme, string> = {
  system: 'Same as the page (or the system)',
  light: 'Light',
  dark: 'Dark',
};
