import { describe, expect, it } from 'vitest';
import { distanceKm, fitOf, listInWords, type NeedForFit, type OfferForFit } from './fit.ts';

const MANCHESTER = { latitude: 53.4808, longitude: -2.2426 };
const SALFORD = { latitude: 53.4875, longitude: -2.2901 };

const need: NeedForFit = {
  skills: ['mailchimp', 'email newsletters'],
  skillsAsTyped: ['mailchimp', 'email newsletters'],
  categories: ['SHORT_TERM_SKILLS'],
  formats: ['VIDEO', 'IN_PERSON'],
  place: SALFORD,
};

const offer: OfferForFit = {
  skills: ['mailchimp', 'email newsletters'],
  skillsAsTyped: ['Mailchimp', 'Email newsletters'],
  categories: ['SHORT_TERM_SKILLS'],
  formats: ['IN_PERSON'],
  placeName: 'Manchester',
  ...MANCHESTER,
  radiusKm: 10,
  capacity: 3,
  activeMentees: 1,
  recentAsks: 0,
};

describe('fitOf', () => {
  it('should give the issue’s kind of reasons, in the mentor’s spelling', () => {
    expect(fitOf(need, offer)).toEqual({
      score: 93, // 45 skills + 20 support + 10 format + 6.8 nearby + 6.7 free places + 5 not asked
      reasons: [
        'knows Mailchimp and Email newsletters',
        'gives short-term skills',
        'meets in Manchester, 3 km away',
        'has 2 of 3 places free',
        'has not been asked this month',
      ],
    });
  });

  it('should rank a mentor asked often lower at equal fit', () => {
    const asked = fitOf(need, { ...offer, recentAsks: 4 })!;
    expect(asked.reasons.at(-1)).toBe('was asked 4 times this month');
    expect(asked.score).toBeLessThan(fitOf(need, offer)!.score);
    expect(fitOf(need, { ...offer, recentAsks: 1 })!.reasons.at(-1)).toBe('was asked once this month');
  });

  it('should rule out a full mentor, and one with no way of meeting in common', () => {
    expect(fitOf(need, { ...offer, activeMentees: 3 })).toBeNull();
    expect(fitOf(need, { ...offer, radiusKm: 1 })).toBeNull(); // in person only, and too far
    expect(fitOf({ ...need, place: null }, offer)).toBeNull(); // the lead's place is not known
    expect(fitOf(need, { ...offer, formats: ['PHONE'] })).toBeNull();
    expect(fitOf(need, { ...offer, formats: ['PHONE', 'VIDEO'] })!.reasons[2]).toBe('meets by video');
  });
});

describe('helpers', () => {
  it('should list in words and measure distance', () => {
    expect([listInWords([]), listInWords(['a']), listInWords(['a', 'b']), listInWords(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
    expect(distanceKm(MANCHESTER, SALFORD)).toBeCloseTo(3.2, 1);
  });
});
