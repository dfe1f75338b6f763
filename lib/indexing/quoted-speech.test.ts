import { describe, expect, it } from 'vitest';
import { isUnattributedQuote } from './quoted-speech';

/** The sentence `sentence` of `text`, as a span. */
const at = (text: string, sentence: string) => {
  const start = text.indexOf(sentence);
  return [text, start, start + sentence.length] as const;
};

describe('isUnattributedQuote', () => {
  const block =
    '“Russian policy has been a red flag,” Michael Kugelman told Al Jazeera. “The Soviet invasion, and Chechnya.”';

  it('finds a quoted sentence that names no speaker, and keeps the one that does', () => {
    expect(isUnattributedQuote(...at(block, '“The Soviet invasion, and Chechnya.”'))).toBe(true);
    expect(
      isUnattributedQuote(
        ...at(block, '“Russian policy has been a red flag,” Michael Kugelman told Al Jazeera.'),
      ),
    ).toBe(false);
  });

  it('finds a sentence that continues a quotation opened before it', () => {
    const text = 'He added: “Daesh is strong. It can attack Europe.”';
    expect(isUnattributedQuote(...at(text, 'It can attack Europe.”'))).toBe(true);
    const named = '“Daesh is strong. It can attack Europe,” said Kurilla.';
    expect(isUnattributedQuote(...at(named, 'It can attack Europe,” said Kurilla.'))).toBe(false);
  });

  it('takes a pronoun for no name', () => {
    const text = '“ISKP attacked the embassy in Kabul,” he said.';
    expect(isUnattributedQuote(text, 0, text.length)).toBe(true);
  });

  it('leaves a sentence that only quotes a phrase of its own', () => {
    const text = 'The group called the attack a “landmark success” for its cause.';
    expect(isUnattributedQuote(text, 0, text.length)).toBe(false);
  });

  it('reads straight quotation marks too', () => {
    const text = '"Daesh is strong," he said. "It can attack Europe."';
    expect(isUnattributedQuote(...at(text, '"It can attack Europe."'))).toBe(true);
  });
});
