import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { signedUpPerson, startedNetwork, type TestPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as safety from '../safety/service.ts';
import { fitOf } from './fit.ts';
import * as repo from './repository.ts';
import * as mentoring from './service.ts';
import { isSettled, PARTIAL_FIT_WEIGHTS, REST_OF_FIT_MAX, type MentorSuggestion } from './suggestions.ts';

const OFFER: mentoring.MentorOfferInput = {
  skills: ['Mailchimp'],
  categories: ['SHORT_TERM_SKILLS'],
  formats: ['VIDEO'],
  capacity: 2,
  commitment: 'An hour a month',
  promiseNoSelling: true,
};

describe.each(DATABASE_KINDS)('mentoring suggestion candidates on %s', (kind) => {
  const database = useTestDatabase(kind);
  const unique = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}`;

  it('should order candidates by the partial fit, which with the rest of the fit is fit.ts’s score', async () => {
    const [skill, other] = [unique('skill'), unique('other')];
    const lead = await signedUpPerson(database.db, { name: 'Lena Lead' });
    const network = await startedNetwork(lead); // at 51.45, -2.58: Bristol
    const mentor = async (name: string, offer: Partial<mentoring.MentorOfferInput>) => {
      const person = await signedUpPerson(database.db, { name });
      await mentoring.upsertMentorOffer(person, { ...OFFER, ...offer });
      return person;
    };
    const both = await mentor('Bo Both', {
      skills: [skill, other],
      categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
      capacity: 3,
    });
    const nearby = await mentor('Ned Nearby', {
      skills: [skill],
      categories: ['QUICK_TIP'],
      formats: ['IN_PERSON'],
      placeName: 'Bristol',
      radiusKm: 20,
    });
    const bath = await mentor('Bea Bath', {
      skills: [other],
      categories: ['RISK_MITIGATION'],
      formats: ['PHONE', 'IN_PERSON'],
      placeName: 'Bath',
      radiusKm: 30,
      capacity: 1,
    });
    const supportOnly = await mentor('Sue Support', { skills: [unique('unrelated')] });
    const tooFar = await mentor('Tom Far', {
      skills: [skill],
      formats: ['IN_PERSON'],
      placeName: 'Cardiff',
      radiusKm: 5,
    });
    const phoneOnly = await mentor('Phil Phone', { skills: [skill], formats: ['PHONE'] });
    const need = await mentoring.postNeed(lead, {
      title: 'Newsletters',
      description: 'By hand today.',
      firstCallBrief: 'Where to start.',
      skills: [skill, other],
      categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
      formats: ['VIDEO', 'IN_PERSON'],
      urgency: 'NO_RUSH',
      networkId: network.id,
    });
    const place = { latitude: network.latitude, longitude: network.longitude };

    const page = await repo.listCandidateOffers(database.db, {
      needId: need.id,
      leadId: lead.user.id,
      skills: need.skills,
      categories: need.categories,
      formats: need.formats,
      place,
      asksSince: new Date(Date.now() - 30 * 86_400_000),
      sharesNetworkWithLead: memberships.sharesNetworkWith(lead.user.id),
      suggestable: [safety.notBlockedWith(lead.user.id)],
      weights: PARTIAL_FIT_WEIGHTS,
      limit: 1_000,
    });
    const mine = [both, nearby, bath, supportOnly, tooFar, phoneOnly];
    const id = (p: TestPerson) => p.user.id;
    const found = page.offers.filter((offer) => mine.some((p) => id(p) === offer.userId));
    // Too far to meet in person and no other way in common: never a candidate; the rest by partial fit.
    expect(found.map((offer) => offer.userId)).toEqual([id(both), id(nearby), id(bath), id(supportOnly)]);
    expect(page.floor).toBeNull();
    for (const offer of found) {
      expect(offer.recentAsks).toBe(0);
      expect(fitOf({ ...need, place }, offer)!.score, offer.userId).toBe(
        Math.round(offer.partialFit + REST_OF_FIT_MAX),
      );
    }
    expect(found[0]!.partialFit).toBeCloseTo(45 + 20 + 10, 6); // all skills, all support, every place free
  });
});

describe.each(DATABASE_KINDS)('a mentor’s open mentorships on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should keep a full mentor out of suggestions, a paused mentorship included, until one closes', async () => {
    const skill = `skill-${crypto.randomUUID().slice(0, 8)}`;
    const mentor = await signedUpPerson(database.db, { name: 'Mo Mentor' });
    await mentoring.upsertMentorOffer(mentor, { ...OFFER, skills: [skill], capacity: 1 });
    const [first, second] = [
      await signedUpPerson(database.db, { name: 'Fay First' }),
      await signedUpPerson(database.db, { name: 'Sam Second' }),
    ];
    const needOf = (lead: TestPerson) =>
      mentoring.postNeed(lead, {
        title: 'Newsletters',
        description: 'By hand today.',
        firstCallBrief: 'Where to start.',
        skills: [skill],
        categories: [],
        formats: ['VIDEO'],
        urgency: 'THIS_MONTH',
      });
    const [firstNeed, secondNeed] = [await needOf(first), await needOf(second)];
    const suggested = async () =>
      (await mentoring.needSuggestions(second, secondNeed, 10)).map((s) => s.mentorId).includes(mentor.user.id);
    expect(await suggested()).toBe(true);

    const request = await mentoring.requestMentor(first, firstNeed.id, mentor.user.id, 'Could we talk?');
    const { mentorship } = await mentoring.respondToRequest(mentor, request.id, true, null);
    expect(await suggested()).toBe(false);
    await mentoring.pauseMentorship(mentor, mentorship!.id, true);
    expect(await suggested()).toBe(false);
    await mentoring.closeMentorship(first, mentorship!.id, 4, 'We send a newsletter now.');
    expect(await suggested()).toBe(true);
    expect((await mentoring.myMentorOffer(mentor))?.activeMentees).toBe(0);
  });
});

describe('isSettled', () => {
  const suggestion = (score: number, recentAsks: number) =>
    ({ mentorId: `m${score}-${recentAsks}`, score, reasons: [], offer: { recentAsks } }) as unknown as MentorSuggestion;
  // A floor of 60: an offer left out scores at most 75 (60 + 10 for a way to meet + 5 for not asked lately).
  const floor = 60;

  it('should settle when every candidate was seen, or when nobody left out could rank above the last', () => {
    expect(isSettled([], 10, null)).toBe(true);
    expect(isSettled([suggestion(90, 0), suggestion(76, 3)], 2, floor)).toBe(true);
    // A tie at best with a mentor not asked lately is as good a suggestion.
    expect(isSettled([suggestion(90, 0), suggestion(75, 0)], 2, floor)).toBe(true);
  });

  it('should ask for more when someone left out might rank above the last, or too few were found', () => {
    expect(isSettled([suggestion(90, 0), suggestion(75, 1)], 2, floor)).toBe(false);
    expect(isSettled([suggestion(90, 0), suggestion(74, 0)], 2, floor)).toBe(false);
    expect(isSettled([suggestion(90, 0)], 2, floor)).toBe(false);
  });
});
