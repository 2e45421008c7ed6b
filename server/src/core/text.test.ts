import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { cleanText, firstControlCharacter, hasControlCharacters, searchText, type TextRule } from './text.ts';

const NAME: TextRule = { label: 'name', max: 100, required: 'Enter a name.', isName: true };
const NOTE: TextRule = { label: 'note', max: 100, multiline: true };
const PLACE: TextRule = { label: 'place', max: 100 };

/** The refusal `run` throws, as the client would see it. */
function refusal(run: () => unknown): { code: string; field: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('control characters', () => {
  it('should find C0 controls and DEL, but not tab, line feed or carriage return', () => {
    expect(firstControlCharacter('a\u0000b')).toBe('\u0000');
    expect(firstControlCharacter('a\u001bb')).toBe('\u001b');
    expect(firstControlCharacter('a\u007fb')).toBe('\u007f');
    expect(firstControlCharacter('a\u000bb\u000c')).toBe('\u000b');
    expect(firstControlCharacter('a\tb\nc\r\nd')).toBeUndefined();
    expect(hasControlCharacters('a\tb\r\n')).toBe(false);
    expect(hasControlCharacters('a\u0008')).toBe(true);
  });

  it('should keep a textarea\u2019s CRLF line breaks as \\n and refuse NUL in it, naming the field', () => {
    expect(cleanText('note', 'one\r\ntwo\rthree\tfour', NOTE)).toBe('one\ntwo\nthree\tfour');
    expect(refusal(() => cleanText('note', 'one\u0000two', NOTE))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'note',
      message: 'Use letters, numbers and punctuation only in the note.',
    });
  });

  it('should fold line breaks and tabs in one-line text and refuse DEL', () => {
    expect(cleanText('place', ' Bristol\r\n\tCentre ', PLACE)).toBe('Bristol Centre');
    expect(refusal(() => cleanText('place', 'Bristol\u007f', PLACE)).field).toBe('place');
  });

  it('should fold whitespace in a search and refuse a control character in it', () => {
    expect(searchText('search', ' digital\tinclusion\r\n', 200)).toBe('digital inclusion');
    expect(refusal(() => searchText('search', 'a\u0000b', 200))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'search',
      message: 'Use letters, numbers and punctuation only to search.',
    });
  });
});

describe('names', () => {
  it('should refuse a name of nothing but zero-width characters as blank', () => {
    expect(refusal(() => cleanText('name', '\u200B\u200B\u200D', NAME))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: 'Enter a name.',
    });
    expect(refusal(() => cleanText('name', ' \uFEFF\u2060 ', NAME)).message).toBe('Enter a name.');
  });

  it('should refuse a right-to-left override, naming the character', () => {
    expect(refusal(() => cleanText('name', 'Fay \u202Egnp.exe\u202C Fellow', NAME))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: 'The name holds a hidden character that reorders the text around it (U+202E); type the name without it.',
    });
  });

  it.each([
    ['an embedding', 'Fay \u202Bx\u202C'],
    ['a left-to-right override', 'Fay \u202Dx'],
    ['an isolate', 'Fay \u2067x\u2069'],
    ['a first-strong isolate', '\u2068Fay'],
  ])('should refuse %s', (_label, name) => {
    expect(refusal(() => cleanText('name', name, NAME)).message).toMatch(/reorders the text/);
  });

  it('should require a letter or a digit', () => {
    expect(refusal(() => cleanText('name', '...', NAME))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'name',
      message: 'Use at least one letter or number in the name.',
    });
    expect(refusal(() => cleanText('name', '🔥🔥', NAME)).message).toBe(
      'Use at least one letter or number in the name.',
    );
    expect(cleanText('name', '42', NAME)).toBe('42');
    expect(cleanText('name', 'Zoë Ó Briain', NAME)).toBe('Zoë Ó Briain');
    expect(cleanText('name', '李小龙', NAME)).toBe('李小龙');
  });

  it('should strip zero-width spaces, word joiners, byte order marks and direction marks, which show nothing', () => {
    expect(cleanText('name', '\uFEFFFay\u200B Fel\u2060low\u200E', NAME)).toBe('Fay Fellow');
    expect(cleanText('name', '\u200Fداود\u061C', NAME)).toBe('داود');
  });

  it('should strip a joiner between Latin letters, where it changes nothing a reader sees', () => {
    expect(cleanText('name', 'Fa\u200Dy Fe\u200Cllow', NAME)).toBe('Fay Fellow');
    expect(cleanText('name', 'Fay\u200D Fellow\u200D', NAME)).toBe('Fay Fellow');
  });

  it('should keep joiners that shape what is shown: emoji sequences, Persian and Indic spelling', () => {
    const coder = '👩\u200D💻';
    const rainbowFlag = '🏳\uFE0F\u200D🌈';
    expect(cleanText('name', `Fay ${coder}`, NAME)).toBe(`Fay ${coder}`);
    expect(cleanText('name', `Fay ${rainbowFlag}`, NAME)).toBe(`Fay ${rainbowFlag}`);
    expect(cleanText('name', 'می\u200Cخواهم', NAME)).toBe('می\u200Cخواهم');
    expect(cleanText('name', 'क्\u200Dष', NAME)).toBe('क्\u200Dष');
  });

  it('should hold only names to the name rules', () => {
    expect(cleanText('place', 'Fa\u200Dy', PLACE)).toBe('Fa\u200Dy');
  });
});
