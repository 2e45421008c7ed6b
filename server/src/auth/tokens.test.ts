import { describe, expect, it } from 'vitest';
import { encodeBase32, generateSessionToken, hashSecret, parseSessionToken, secretMatches } from './tokens.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

describe('encodeBase32', () => {
  it('should match the RFC 4648 test vectors, in lower case without padding', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'my'],
      ['fo', 'mzxq'],
      ['foo', 'mzxw6'],
      ['foob', 'mzxw6yq'],
      ['fooba', 'mzxw6ytb'],
      ['foobar', 'mzxw6ytboi'],
    ];
    for (const [input, encoded] of vectors) expect(encodeBase32(bytes(input))).toBe(encoded);
  });

  it('should use every letter of the alphabet for every 5-bit value', () => {
    // The 5-bit values 0, 1, 2 … 31 packed one after another.
    const counting = Uint8Array.from([
      0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf, 0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77,
      0xdf,
    ]);
    expect(encodeBase32(counting)).toBe('abcdefghijklmnopqrstuvwxyz234567');
  });
});

describe('generateSessionToken', () => {
  it('should make an id and a secret of 32 characters of [a-z2-7], joined by a dot', () => {
    const { id, secret, token } = generateSessionToken();
    expect(id).toMatch(/^[a-z2-7]{32}$/);
    expect(secret).toMatch(/^[a-z2-7]{32}$/);
    expect(token).toBe(`${id}.${secret}`);
    expect(parseSessionToken(token)).toEqual({ id, secret });
  });

  it('should make a different token each time', () => {
    expect(generateSessionToken().token).not.toBe(generateSessionToken().token);
  });
});

describe('parseSessionToken', () => {
  it('should refuse what cannot be one of our tokens', () => {
    const part = 'a'.repeat(32);
    expect(parseSessionToken(`${part}.${part}`)).toEqual({ id: part, secret: part });
    expect(parseSessionToken(part)).toBeNull();
    expect(parseSessionToken(`${part}.${part}.${part}`)).toBeNull();
    expect(parseSessionToken(`${part}.${'A'.repeat(32)}`)).toBeNull();
    expect(parseSessionToken(`${part}.${'a'.repeat(31)}`)).toBeNull();
    expect(parseSessionToken(`${part}.${'1'.repeat(32)}`)).toBeNull();
  });
});

describe('hashSecret', () => {
  it('should be the SHA-256 of the secret, as stored for existing sessions', () => {
    expect(hex(hashSecret('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSecret('abc')).toBeInstanceOf(Uint8Array);
  });
});

describe('secretMatches', () => {
  it('should match only the secret whose hash is stored', () => {
    const stored = hashSecret('s'.repeat(32));
    expect(secretMatches('s'.repeat(32), stored)).toBe(true);
    expect(secretMatches('t'.repeat(32), stored)).toBe(false);
  });

  it('should accept the stored hash as a Buffer, as PostgreSQL drivers return bytea', () => {
    expect(secretMatches('abc', Buffer.from(hashSecret('abc')))).toBe(true);
  });

  it('should refuse a stored hash of another length without throwing', () => {
    expect(secretMatches('abc', hashSecret('abc').subarray(0, 16))).toBe(false);
  });
});
