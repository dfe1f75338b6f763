/**
 * Names and phrases. An alias is a name a reader would use ("Arras school stabbing",
 * "Islamic State of Iraq and the Levant"); a phrase describes ("fatally stabbed a
 * teacher", "three deadly suicide bombings") and matches other events on other
 * pages, so the catalog may keep it only as a corpus reference.
 *
 * The rule reads the lower-case words, since names capitalize theirs (a word with
 * any capital letter, "al-Sham" included, is part of a name):
 * - a verb form: an auxiliary ("were"), a relative pronoun ("that"), or a past
 *   tense or participle ending in -ed ("stabbed", "arrested", "coordinated");
 * - an indefinite article ("a", "an"): names are definite;
 * - more than MAX_LOWERCASE_WORDS lower-case words: "most notorious attack by …".
 * A date on its own ("October 7", "7 October 2023") is not a name either.
 */

const MAX_LOWERCASE_WORDS = 3;

const VERB_WORDS = new Set([
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'that',
  'which',
  'who',
  'whom',
  'whose',
]);
const ARTICLES = new Set(['a', 'an']);
/** Lower-case words ending in -ed that are not verbs. */
const NOT_PAST = new Set(['red', 'bed', 'shed', 'seed', 'speed', 'need', 'creed', 'breed']);

const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_ONLY = new RegExp(
  `^(?:${MONTHS}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTHS}(?:\\s+\\d{4})?)$`,
  'iu',
);

/** Why `text` is a phrase rather than a name, or undefined for a name. */
export function phraseReason(text: string): string | undefined {
  if (DATE_ONLY.test(text.trim())) return 'it is a date';
  const lower = text
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w) && !/\p{Lu}/u.test(w));
  const verb = lower.find(
    (w) => VERB_WORDS.has(w) || (/^\p{L}{2,}ed$/u.test(w) && !NOT_PAST.has(w)),
  );
  if (verb) return `it has a verb (“${verb}”)`;
  const article = lower.find((w) => ARTICLES.has(w));
  if (article) return `it has an indefinite article (“${article}”)`;
  if (lower.length > MAX_LOWERCASE_WORDS)
    return `it has ${lower.length} lower-case words (names have at most ${MAX_LOWERCASE_WORDS})`;
  return undefined;
}
