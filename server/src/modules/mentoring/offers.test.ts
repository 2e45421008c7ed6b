import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../core/errors.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, serviceContext, signedUpPerson, TestClock, type TestPerson } from '../../testing/factories.ts';
import * as people from '../people/service.ts';
import * as mentoring from './service.ts';

const OFFER: mentoring.MentorOfferInput = {
  skills: ['Mailchimp', ' email  newsletters ', 'mailchimp'],
  categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
  formats: ['VIDEO', 'IN_PERSON'],
  capacity: 3,
  commitment: 'An hour a month for three months',
  promiseNoSelling: true,
  placeName: 'manchester',
  radiusKm: 20,
};

describe.each(DATABASE_KINDS)('mentor offers on %s', (kind) => {
  const database = useTestDatabase(kind);

  const mentor = (clock = new TestClock()) => signedUpPerson(database.db, { name: 'Mo Mentor', clock });
  const isMentor = async (who: TestPerson) => (await people.getPerson(who, who.user.id))?.isMentor;

  it('should publish an offer with the promise dated, the place from the gazetteer, and mark the profile', async () => {
    const clock = new TestClock(new Date('2026-12-02T09:00:00Z'));
    const me = await mentor(clock);
    expect(await isMentor(me)).toBe(false);

    const offer = await mentoring.upsertMentorOffer(me, OFFER);
    expect(offer).toMatchObject({
      userId: me.user.id,
      skills: ['mailchimp', 'email newsletters'],
      skillsAsTyped: ['Mailchimp', 'email newsletters'],
      categories: ['SHORT_TERM_SKILLS', 'QUICK_TIP'],
      formats: ['VIDEO', 'IN_PERSON'],
      placeName: 'Manchester',
      radiusKm: 20,
      capacity: 3,
      commitment: 'An hour a month for three months',
      visibleTo: 'SIGNED_IN',
      promisedNoSellingAt: new Date('2026-12-02T09:00:00Z'),
      pausedAt: null,
      activeMentees: 0,
    });
    expect(offer.latitude).toBeCloseTo(53.48, 1);
    expect(await isMentor(me)).toBe(true);

    // An edit a week later keeps the date of the first promise.
    clock.advance(7 * 24 * 60 * 60_000);
    const edited = await mentoring.upsertMentorOffer(me, {
      ...OFFER,
      capacity: 1,
      formats: ['PHONE'],
      placeName: null,
    });
    expect(edited).toMatchObject({ capacity: 1, formats: ['PHONE'], placeName: null, radiusKm: null, latitude: null });
    expect(edited.promisedNoSellingAt).toEqual(new Date('2026-12-02T09:00:00Z'));
    expect(edited.updatedAt).toEqual(new Date('2026-12-09T09:00:00Z'));
    expect(await mentoring.myMentorOffer(me)).toEqual(edited);
  });

  it('should refuse an offer without the promise, and write nothing', async () => {
    const me = await mentor();
    const refused = await caught(mentoring.upsertMentorOffer(me, { ...OFFER, promiseNoSelling: false }));
    expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'promiseNoSelling']);
    expect(refused.message).toMatch(/never a pitch for your own services/);
    expect(await mentoring.myMentorOffer(me)).toBeNull();
    expect(await isMentor(me)).toBe(false);
  });

  it('should name every field at fault at once', async () => {
    const me = await mentor();
    const refused = await caught(
      mentoring.upsertMentorOffer(me, {
        ...OFFER,
        skills: [' '],
        categories: [],
        formats: ['IN_PERSON'],
        placeName: '',
        radiusKm: 500,
        capacity: 11,
        commitment: '  ',
      }),
    );
    expect(refused).toBeInstanceOf(InputErrors);
    expect((refused as InputErrors).problems.map((problem) => problem.field)).toEqual([
      'skills',
      'categories',
      'placeName',
      'radiusKm',
      'capacity',
      'commitment',
    ]);
    const unknownPlace = await caught(mentoring.upsertMentorOffer(me, { ...OFFER, placeName: 'Nowhereville Xyz' }));
    expect([unknownPlace.field, unknownPlace.message]).toEqual([
      'placeName',
      expect.stringContaining('We could not find a town or city called "Nowhereville Xyz"'),
    ]);
    expect((await caught(mentoring.upsertMentorOffer(me, { ...OFFER, formats: [] }))).field).toBe('formats');
  });

  it('should pause and resume an offer without losing it', async () => {
    const clock = new TestClock(new Date('2026-12-02T09:00:00Z'));
    const me = await mentor(clock);
    expect((await caught(mentoring.pauseMentorOffer(me, true))).code).toBe('NOT_FOUND');
    await mentoring.upsertMentorOffer(me, OFFER);
    const paused = await mentoring.pauseMentorOffer(me, true);
    expect(paused.pausedAt).toEqual(new Date('2026-12-02T09:00:00Z'));
    // A paused offer is still an offer: the profile keeps saying they mentor.
    expect(await isMentor(me)).toBe(true);
    clock.advance(60_000);
    // Pausing again keeps the first date.
    expect((await mentoring.pauseMentorOffer(me, true)).pausedAt).toEqual(new Date('2026-12-02T09:00:00Z'));
    const resumed = await mentoring.pauseMentorOffer(me, false);
    expect(resumed).toMatchObject({ pausedAt: null, capacity: 3, skillsAsTyped: ['Mailchimp', 'email newsletters'] });
    expect(await isMentor(me)).toBe(true);
  });

  it('should refuse when signed out', async () => {
    const anonymous = serviceContext(database.db);
    expect((await caught(mentoring.upsertMentorOffer(anonymous, OFFER))).code).toBe('UNAUTHENTICATED');
    expect((await caught(mentoring.pauseMentorOffer(anonymous, true))).code).toBe('UNAUTHENTICATED');
    expect((await caught(mentoring.myMentorOffer(anonymous))).code).toBe('UNAUTHENTICATED');
  });
});
