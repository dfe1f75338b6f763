import { describe, expect, it } from 'vitest';
import { isUnattributedQuote, peopleByBlock, type NameSpan } from './quoted-speech';

/** Where `name` first occurs in `text`: a person the matcher found there. */
const person = (text: string, name: string): NameSpan => {
  const start = text.indexOf(name);
  return { start, end: start + name.length };
};

/** The sentence `sentence` of `text` as a span, with the people named in `text`. */
const at = (text: string, sentence: string, ...names: string[]) => {
  const start = text.indexOf(sentence);
  return [text, start, start + sentence.length, names.map((n) => person(text, n))] as const;
};

describe('isUnattributedQuote', () => {
  const block =
    '“Russian policy has been a red flag,” Michael Kugelman told Al Jazeera. “The Soviet invasion, and Chechnya.”';

  it('finds a quoted sentence that names no speaker, and keeps the one that does', () => {
    const quote = '“The Soviet invasion, and Chechnya.”';
    expect(isUnattributedQuote(...at(block, quote, 'Michael Kugelman'))).toBe(true);
    const named = '“Russian policy has been a red flag,” Michael Kugelman told Al Jazeera.';
    expect(isUnattributedQuote(...at(block, named, 'Michael Kugelman'))).toBe(false);
  });

  it('finds a sentence that continues a quotation opened before it', () => {
    const text = 'He added: “Daesh is strong. It can attack Europe.”';
    expect(isUnattributedQuote(...at(text, 'It can attack Europe.”'))).toBe(true);
    const named = '“Daesh is strong. It can attack Europe,” said Kurilla.';
    const sentence = 'It can attack Europe,” said Kurilla.';
    expect(isUnattributedQuote(...at(named, sentence, 'Kurilla'))).toBe(false);
  });

  it('takes a pronoun for no name', () => {
    const text = '“ISKP attacked the embassy in Kabul,” he said.';
    expect(isUnattributedQuote(...at(text, text))).toBe(true);
  });

  it('takes an outlet or a body named outside the quotation for no speaker', () => {
    const told = '“I hope I’m wrong, but I’m very worried about the Paris Olympics,” he told CNN.';
    expect(isUnattributedQuote(...at(told, told))).toBe(true);
    const statement =
      '“Daesh-Khorasan retains the capability to attack,” he said, according to a statement issued by the US Department of Defense.';
    expect(isUnattributedQuote(...at(statement, statement))).toBe(true);
  });

  it('takes a person named only inside the quotation for no speaker', () => {
    const text = '“Putin has ignored the warnings,” he said.';
    expect(isUnattributedQuote(...at(text, text, 'Putin'))).toBe(true);
  });

  it('leaves a sentence that only quotes a phrase of its own', () => {
    const text = 'The group called the attack a “landmark success” for its cause.';
    expect(isUnattributedQuote(...at(text, text))).toBe(false);
  });

  it('reads straight quotation marks too', () => {
    const text = '"Daesh is strong," he said. "It can attack Europe."';
    expect(isUnattributedQuote(...at(text, '"It can attack Europe."'))).toBe(true);
    const named = '"Daesh is strong," said Kurilla.';
    expect(isUnattributedQuote(...at(named, named, 'Kurilla'))).toBe(false);
  });
});

describe('peopleByBlock', () => {
  it('keeps the mentions of people, by article and block', () => {
    const mentions = [
      { entity: 'kurilla', article: 'a', block: 2, start: 30, end: 37 },
      { entity: 'cnn', article: 'a', block: 2, start: 50, end: 53 },
      { entity: 'kurilla', article: 'b', block: 2, start: 0, end: 7 },
    ];
    const people = peopleByBlock(mentions, (id) => id === 'kurilla');
    expect([...people]).toEqual([
      ['a#2', [{ start: 30, end: 37 }]],
      ['b#2', [{ start: 0, end: 7 }]],
    ]);
  });
});
