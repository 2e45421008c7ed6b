import { describe, expect, it } from 'vitest';
import { acceptedCodings, isCompressibleType, preferredCoding } from './compression.ts';

describe(acceptedCodings.name, () => {
  it('should read each coding with its weight, 1 when none is given, names in lower case', () => {
    expect(Object.fromEntries(acceptedCodings(' GZIP ; Q=0.5 , br,identity;q=0 '))).toEqual({
      gzip: 0.5,
      br: 1,
      identity: 0,
    });
  });

  it('should count a malformed or out-of-range weight as a refusal or as 1 at most', () => {
    expect(Object.fromEntries(acceptedCodings('br;q=high, gzip;q=7, deflate;q=-1'))).toEqual({
      br: 0,
      gzip: 1,
      deflate: 0,
    });
  });
});

describe(preferredCoding.name, () => {
  const cases: Array<[string | undefined, 'br' | 'gzip' | null]> = [
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.8, br;q=0.8', 'br'],
    ['*', 'br'],
    ['*;q=0.5, gzip;q=0.6', 'gzip'],
    ['*;q=0', null],
    ['gzip;q=0, br;q=0, *', null],
    ['identity', null],
    ['deflate', null],
    ['identity;q=1, gzip;q=0.5', null],
    ['identity;q=0.5, gzip', 'gzip'],
  ];

  it.each(cases)('should choose for %j: %s', (header, coding) => {
    expect(preferredCoding(header)).toBe(coding);
  });
});

describe(isCompressibleType.name, () => {
  it('should take text, JSON, JavaScript, XML and SVG, and nothing already compressed', () => {
    const types = [
      'text/html',
      'text/html; charset=utf-8',
      'application/json; charset=utf-8',
      'application/problem+json',
      'text/javascript',
      'image/svg+xml',
      'image/png',
      'font/woff2',
      'application/zip',
      'application/octet-stream',
      undefined,
    ];
    expect(types.filter((type) => isCompressibleType(type))).toEqual([
      'text/html',
      'text/html; charset=utf-8',
      'application/json; charset=utf-8',
      'application/problem+json',
      'text/javascript',
      'image/svg+xml',
    ]);
  });
});
