import { describe, expect, it } from 'vitest';
import { phraseReason } from './alias-form';

describe('phraseReason', () => {
  it.each([
    'Arras school stabbing',
    'Islamic State of Iraq and the Levant',
    'Islamic State of Iraq and al-Sham',
    'Federal Security Service of the Russian Federation',
    'Woodrow Wilson International Center for Scholars',
    'Bombing plot against Swedish targets',
    '2024 United States presidential election',
    'Kill Them Wherever You Find Them campaign',
    'Taliban’s return to power',
    'US-led campaign against the Islamic State',
    'October 7 attack',
    'Estado Islámico Provincia de Jorasán',
    'Daesh’s “Khorasan” branch',
  ])('takes “%s” for a name', (name) => {
    expect(phraseReason(name)).toBeUndefined();
  });

  it.each([
    ['Uzbek suicide bomber killed 15 people', 'it has a verb (“killed”)'],
    ['fatally stabbed a teacher', 'it has a verb (“stabbed”)'],
    ['Afghan nationals were detained in Germany', 'it has a verb (“were”)'],
    ['raid that killed al-Baghdadi', 'it has a verb (“that”)'],
    ['attack on a Moscow synagogue', 'it has an indefinite article (“a”)'],
    ['dismantle an ISKP-linked network', 'it has an indefinite article (“an”)'],
    ['most notorious attack by ISIS-K', 'it has 4 lower-case words (names have at most 3)'],
    ['three deadly suicide bombings', 'it has 4 lower-case words (names have at most 3)'],
    ['October 7', 'it is a date'],
    ['Oct. 7', 'it is a date'],
    ['7 October 2023', 'it is a date'],
  ])('takes “%s” for a phrase: %s', (text, reason) => {
    expect(phraseReason(text)).toBe(reason);
  });
});
