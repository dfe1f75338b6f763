import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

function split(text: string): string[] {
  return splitSentences(text).map(([s, e]) => text.slice(s, e));
}

describe('splitSentences', () => {
  it('does not end sentences at U.S., Gen., St. and similar abbreviations', () => {
    expect(
      split(
        'Gen. Eric Kurilla, commander of U.S. Central Command, spoke. A plane flew to St. Petersburg, killing 224. Hamas’s Oct. 7 attack followed.',
      ),
    ).toEqual([
      'Gen. Eric Kurilla, commander of U.S. Central Command, spoke.',
      'A plane flew to St. Petersburg, killing 224.',
      'Hamas’s Oct. 7 attack followed.',
    ]);
  });

  it('still splits ordinary sentences', () => {
    expect(split('IS-K grew. The Taliban fought it. Why?')).toEqual([
      'IS-K grew.',
      'The Taliban fought it.',
      'Why?',
    ]);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(split('He said “It continues to exist.” ” Then he left.')).toEqual([
      'He said “It continues to exist.”',
      'Then he left.',
    ]);
  });

  it('does not make sentences of stray punctuation, nor count it as part of one', () => {
    expect(split('It lies in Afghanistan. . Analysts agree.')).toEqual([
      'It lies in Afghanistan.',
      'Analysts agree.',
    ]);
    expect(split('“We are always prepared.” . Then more. Workers in Turkey. . Next.')).toEqual([
      '“We are always prepared.”',
      'Then more.',
      'Workers in Turkey.',
      'Next.',
    ]);
  });

  it('keeps a closing quote set off by a space when it closes an open quotation', () => {
    expect(split('He said: “It grew. It spread. ” Then he left.')).toEqual([
      'He said: “It grew.',
      'It spread. ”',
      'Then he left.',
    ]);
  });
});
