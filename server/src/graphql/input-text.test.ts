import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { controlCharacterError, findControlCharacter } from './input-text.ts';

const NUL = '\u0000';
const find = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  findControlCharacter(parse(query), variables, operationName);

describe('findControlCharacter', () => {
  it('should name an inline argument by the argument', () => {
    expect(find('{ network(slug: "a\\u0000b") { id } }')).toEqual({ field: 'slug', character: NUL });
  });

  it('should name a string nested in an inline input object, or a list in it, by its input field', () => {
    expect(find('{ networks(filter: { stage: POTENTIAL, search: "a\\u001bb" }) { totalCount } }')).toEqual({
      field: 'search',
      character: '\u001b',
    });
    expect(find('mutation { updateProfile(input: { skills: ["ok", "b\\u007f"] }) { id } }')).toEqual({
      field: 'skills',
      character: '\u007f',
    });
  });

  it('should name a variable by the argument it fills, and a nested value by its innermost key', () => {
    expect(find('query ($s: String!) { network(slug: $s) { id } }', { s: `a${NUL}` })).toEqual({
      field: 'slug',
      character: NUL,
    });
    expect(
      find('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
        input: { email: `a${NUL}@example.org`, password: 'x' },
      }),
    ).toEqual({ field: 'email', character: NUL });
    expect(
      find('mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', {
        input: { skills: ['ok', `b${NUL}`] },
      }),
    ).toEqual({ field: 'skills', character: NUL });
  });

  it('should name a variable used inside an inline input object by that input field', () => {
    expect(find('query ($w: String) { networks(filter: { search: $w }) { totalCount } }', { w: NUL })).toEqual({
      field: 'search',
      character: NUL,
    });
  });

  it("should check a variable's default value", () => {
    expect(find('query ($s: String = "a\\u0000") { network(slug: $s) { id } }')).toEqual({
      field: 'slug',
      character: NUL,
    });
  });

  it('should let tab, line feed and carriage return through, and strings without controls', () => {
    expect(
      find('mutation ($n: String!) { setLifecycleStage(networkId: "1", stage: POTENTIAL, note: $n) { id } }', {
        n: 'one\r\ntwo\tthree',
      }),
    ).toBeNull();
    expect(find('{ network(slug: "tab\\there") { id } }')).toBeNull();
  });

  it('should read the variables of the operation to run, or of each when it is not named', () => {
    const query = 'query A($s: String!) { network(slug: $s) { id } } query B { version }';
    expect(find(query, { s: NUL }, 'B')).toBeNull();
    expect(find(query, { s: NUL }, 'A')).toEqual({ field: 'slug', character: NUL });
    expect(find(query, { s: NUL })).toEqual({ field: 'slug', character: NUL });
    expect(find('{ version }', { unused: NUL })).toBeNull();
  });

  it('should find a string however deep a value nests', () => {
    let deep: unknown = [`a${NUL}`];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(find('query ($s: [String]) { network(slug: $s) { id } }', { s: deep })).toEqual({
      field: 'slug',
      character: NUL,
    });
    expect(find('query ($s: [String]) { network(slug: $s) { id } }', { s: [['ok'], 'ok', [`b${NUL}`]] })).toEqual({
      field: 'slug',
      character: NUL,
    });
  });
});

describe('controlCharacterError', () => {
  it('should be BAD_USER_INPUT naming the field and the character', () => {
    const error = controlCharacterError({ field: 'networkId', character: NUL });
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error.code, field: error.field, message: error.message }).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'networkId',
      message: 'The network id holds a control character (U+0000). Use letters, numbers and punctuation only.',
    });
  });
});
