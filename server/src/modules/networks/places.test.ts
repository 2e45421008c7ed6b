import { describe, expect, it } from 'vitest';
import { closePlaces, countryName, findPlace, normalisePlaceName, placesIn, suggestPlaces } from './places.ts';

describe('findPlace', () => {
  it('should find a UK city by its name', () => {
    const bristol = findPlace('Bristol');
    expect(bristol).toMatchObject({ name: 'Bristol', country: 'GB', region: 'England' });
    expect(bristol!.latitude).toBeCloseTo(51.455, 2);
    expect(bristol!.longitude).toBeCloseTo(-2.597, 2);
  });

  it('should ignore case, spacing and punctuation', () => {
    expect(findPlace('leeds')).toMatchObject({ name: 'Leeds', country: 'GB' });
    expect(findPlace('  LEEDS ')).toMatchObject({ name: 'Leeds', country: 'GB' });
    expect(findPlace('stoke on trent')).toMatchObject({ name: 'Stoke-on-Trent', country: 'GB' });
  });

  it('should prefer Newcastle upon Tyne for "Newcastle" over the smaller places of that name', () => {
    const newcastle = findPlace('Newcastle');
    expect(newcastle).toMatchObject({ name: 'Newcastle upon Tyne', country: 'GB' });
    expect(newcastle!.latitude).toBeCloseTo(54.97, 1);
  });

  it('should pick the UK city among several UK places of the same name', () => {
    expect(findPlace('Newport')).toMatchObject({ name: 'Newport', region: 'Wales' });
  });

  it('should ignore accents and read St as Saint', () => {
    expect(findPlace('zurich')).toMatchObject({ name: 'Zürich', country: 'CH' });
    expect(findPlace('Saint Albans')).toMatchObject({ name: 'St Albans', country: 'GB' });
    expect(findPlace('st. asaph')).toMatchObject({ name: 'Saint Asaph', country: 'GB' });
  });

  it('should find big cities abroad rather than small places of the same name', () => {
    expect(findPlace('Paris')).toMatchObject({ name: 'Paris', country: 'FR', region: 'Île-de-France' });
    expect(findPlace('Toronto')).toMatchObject({ name: 'Toronto', country: 'CA' });
    expect(findPlace('Dublin')).toMatchObject({ name: 'Dublin', country: 'IE' });
    expect(findPlace('sao paulo')).toMatchObject({ name: 'São Paulo', country: 'BR' });
    expect(findPlace('Las Vegas')).toMatchObject({ name: 'Las Vegas', country: 'US', region: 'Nevada' });
  });

  it('should prefer a UK place to a big city abroad of the same name', () => {
    expect(findPlace('Perth')).toMatchObject({ name: 'Perth', country: 'GB', region: 'Scotland' });
    expect(findPlace('Boston')).toMatchObject({ name: 'Boston', country: 'GB', region: 'England' });
    // Washington in Tyne and Wear is a town; the one abroad is a capital.
    expect(findPlace('Washington')).toMatchObject({ name: 'Washington', country: 'GB', region: 'England' });
    expect(findPlace('Kingston')).toMatchObject({ country: 'GB' });
  });

  it("should never match a small place abroad that shares a big foreign city's name", () => {
    // Paris, Ontario is not in the gazetteer: only Paris, France.
    expect(placesIn('CA').map((place) => place.name)).not.toContain('Paris');
    expect(findPlace('paris')).toMatchObject({ name: 'Paris', country: 'FR' });
  });

  it('should know the short names people use', () => {
    expect(findPlace('Hull')).toMatchObject({ name: 'Kingston upon Hull', country: 'GB' });
    expect(findPlace('Londonderry')).toMatchObject({ name: 'Derry', country: 'GB' });
  });

  it('should return null for a place it does not know, or for nothing', () => {
    expect(findPlace('Nowhere-on-the-Marsh')).toBeNull();
    expect(findPlace('')).toBeNull();
    expect(findPlace(' - ')).toBeNull();
  });
});

describe('closePlaces', () => {
  const names = (typed: string, limit?: number) => closePlaces(typed, limit).map((place) => place.name);

  it('should offer the UK city a person misspelt, not a place abroad', () => {
    expect(closePlaces('Manchster')).toEqual([expect.objectContaining({ name: 'Manchester', country: 'GB' })]);
    expect(names('Birmingam')).toEqual(['Birmingham']);
    expect(names('Edinburg')).toEqual(['Edinburgh']);
    expect(names('Brsitol')).toEqual(['Bristol']);
  });

  it('should put a UK city before smaller places just as close', () => {
    expect(names('Leds')[0]).toBe('Leeds');
    expect(names('Notingham')[0]).toBe('Nottingham');
  });

  it('should offer only the closest names, up to the limit', () => {
    // Cardiff is one letter from "Cardif"; Cardigan is one letter and the rest of its name away.
    expect(names('Cardif')).toEqual(['Cardiff']);
    expect(names('Man', 5)).toHaveLength(5);
    expect(names('Man', 5)[0]).toBe('Manchester');
    expect(names('Leds', 1)).toEqual(['Leeds']);
  });

  it('should read a misspelt start of a longer name as that name', () => {
    expect(names('Newcastel')[0]).toBe('Newcastle upon Tyne');
    expect(names('Middlesbro')).toEqual(['Middlesbrough']);
  });

  it('should offer only UK places, each name once', () => {
    expect(findPlace('Dublin')).toMatchObject({ country: 'IE' });
    expect(closePlaces('Dublinn')).toEqual([]);
    // Douglas on the Isle of Man is not in the UK; the one in Scotland is.
    expect(closePlaces('Douglass', 10)).toEqual([expect.objectContaining({ name: 'Douglas', country: 'GB' })]);
    expect(names('Nwport', 10)).toEqual(['Newport']);
  });

  it('should offer nothing when no UK place is close', () => {
    expect(closePlaces('Qqqxz')).toEqual([]);
    expect(closePlaces('')).toEqual([]);
    expect(closePlaces('Zzanchester', 0)).toEqual([]);
  });
});

describe('countryName', () => {
  it('should name a country in English from its code', () => {
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('FR')).toBe('France');
    expect(countryName('IM')).toBe('Isle of Man');
  });
});

describe('suggestPlaces', () => {
  it('should suggest UK cities first, then other UK places, up to the limit', () => {
    const suggestions = suggestPlaces('gla');
    expect(suggestions).toHaveLength(8);
    expect(suggestions[0]).toMatchObject({ name: 'Glasgow', country: 'GB' });
    expect(suggestions.every((place) => normalisePlaceName(place.name).startsWith('gla'))).toBe(true);
    expect(suggestions.slice(0, 5).every((place) => place.country === 'GB')).toBe(true);
  });

  it('should honour the limit and list a place of the same name and region once', () => {
    expect(suggestPlaces('new', 3)).toHaveLength(3);
    expect(suggestPlaces('new', 0)).toEqual([]);
    const labels = suggestPlaces('newport', 20).map((p) => `${p.name}|${p.country}|${p.region}`);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('should treat a trailing "st" as either the start of a word or Saint', () => {
    const names = suggestPlaces('st', 30).map((place) => place.name);
    expect(names).toContain('Stoke-on-Trent');
    expect(names).toContain('St Albans');
  });

  it('should suggest nothing for an empty or unknown prefix', () => {
    expect(suggestPlaces('')).toEqual([]);
    expect(suggestPlaces('qqqzx')).toEqual([]);
  });
});

describe('placesIn', () => {
  it('should list the places of one country', () => {
    const uk = placesIn('GB');
    expect(uk.length).toBeGreaterThan(1000);
    expect(uk.every((place) => place.country === 'GB')).toBe(true);
  });

  it('should hold small UK places and the rest of the British Isles, but only big cities elsewhere', () => {
    expect(placesIn('GB').map((place) => place.name)).toContain('Saint Asaph');
    expect(placesIn('IE').length).toBeGreaterThan(100);
    const us = placesIn('US');
    expect(us.map((place) => place.name)).toContain('New York City');
    expect(us.length).toBeLessThan(50);
  });
});
