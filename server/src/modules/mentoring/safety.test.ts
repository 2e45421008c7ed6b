import { describe, expect, it } from 'vitest';
import { RequestMemo } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  networkWith,
  serviceContext,
  signedUpPerson,
  TestClock,
  type TestPerson,
} from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as safety from '../safety/service.ts';
import * as mentoring from './service.ts';

/** The person's next request: a new memo, as each request has. */
const anew = (person: TestPerson): TestPerson => ({ ...person, memo: new RequestMemo() });
const id = (p: TestPerson) => p.user.id;

const DAY_MS = 24 * 60 * 60 * 1000;
const CANNOT_ASK = 'You cannot send this mentor a request.';
const OFFER: mentoring.MentorOfferInput = {
  skills: ['Canva'],
  categories: ['QUICK_TIP'],
  formats: ['VIDEO'],
  capacity: 3,
  commitment: 'An hour a month',
  promiseNoSelling: true,
};

describe.each(DATABASE_KINDS)('safety in mentoring on %s', (kind) => {
  const database = useTestDatabase(kind);

  /**
   * A network with a steward, a lead with an open need in it, and two mentors who fit it, on one
   * clock. The skill is the cast's own, so offers of other tests are never suggested.
   */
  async function cast() {
    const skill = `Posters ${crypto.randomUUID().slice(0, 8)}`;
    const offer = { ...OFFER, skills: [skill] };
    const clock = new TestClock(new Date('2026-12-04T09:00:00Z'));
    const person = (name: string) => signedUpPerson(database.db, { name, clock });
    const steward = await person('Stella Steward');
    const lead = await person('Lee Lead');
    const mentor = await person('Mo Mentor');
    const other = await person('Ola Other');
    const network = await networkWith(steward, lead, mentor, other);
    await mentoring.upsertMentorOffer(mentor, offer);
    await mentoring.upsertMentorOffer(other, offer);
    const need = await mentoring.postNeed(anew(lead), {
      title: 'Posters',
      description: 'We need posters.',
      firstCallBrief: 'Where to start.',
      categories: [],
      skills: [skill],
      formats: ['VIDEO'],
      urgency: 'NO_RUSH',
      networkId: network.id,
    });
    return { clock, steward, lead, mentor, other, networkId: network.id, need, offer };
  }

  const suggested = async (lead: TestPerson, need: mentoring.NeedRecord) =>
    (await mentoring.needSuggestions(anew(lead), need, 10)).map((suggestion) => suggestion.mentorId);
  const roundMentors = async (steward: TestPerson, networkId: string) =>
    (await mentoring.previewMatchingRound(anew(steward), { networkId })).mentors.map((mentor) => mentor.mentorId);
  const roundPairs = async (steward: TestPerson, networkId: string) =>
    (await mentoring.previewMatchingRound(anew(steward), { networkId })).pairs.map((pair) => [
      pair.need.leadId,
      pair.mentorId,
    ]);

  describe('reportableMentorOffer', () => {
    it('should give the mentor and the offer’s words, leaving the network to the safety module', async () => {
      const c = await cast();
      await mentoring.upsertMentorOffer(anew(c.mentor), {
        ...c.offer,
        skills: ['Canva'],
        formats: ['VIDEO', 'IN_PERSON'],
        placeName: 'Leeds',
        radiusKm: 10,
      });
      expect(await mentoring.reportableMentorOffer(anew(c.lead), id(c.mentor))).toEqual({
        networkId: null,
        personId: id(c.mentor),
        snapshot: {
          title: 'Mentor offer',
          text: 'An hour a month\nSkills: Canva\nSupport: QUICK_TIP\nWays to meet: VIDEO, IN_PERSON\nPlace: Leeds, within 10 km',
          path: `/people/${id(c.mentor)}`,
        },
      });
    });

    it('should give nothing of an offer the viewer may not see', async () => {
      const c = await cast();
      const stranger = await signedUpPerson(database.db, { name: 'Sam Stranger', clock: c.clock });
      await mentoring.upsertMentorOffer(anew(c.mentor), { ...c.offer, visibleTo: 'SHARED_NETWORKS' });
      expect(await mentoring.reportableMentorOffer(anew(stranger), id(c.mentor))).toBeNull();
      expect(await mentoring.reportableMentorOffer(serviceContext(database.db), id(c.mentor))).toBeNull();
      expect(await mentoring.reportableMentorOffer(anew(c.lead), id(c.steward))).toBeNull();
    });
  });

  describe('reportableMentorship', () => {
    it('should give each of its two people the other, the need’s network, the goals and the latest check-ins', async () => {
      const c = await cast();
      const request = await mentoring.requestMentor(anew(c.lead), c.need.id, id(c.mentor), 'Could you help?');
      const { mentorship } = await mentoring.respondToRequest(anew(c.mentor), request.id, true, null);
      await mentoring.setMentorshipGoals(anew(c.lead), mentorship!.id, 'A poster a month.');
      await mentoring.logCheckIn(anew(c.mentor), mentorship!.id, 'First call went well.', '2026-12-04');

      const asLead = await mentoring.reportableMentorship(anew(c.lead), mentorship!.id);
      expect(asLead).toEqual({
        networkId: c.networkId,
        personId: id(c.mentor),
        snapshot: {
          title: 'Mentorship: Posters',
          text: 'Goals: A poster a month.\n\nCheck-in, 2026-12-04: First call went well.',
          path: `/mentoring/mentorships/${mentorship!.id}`,
        },
      });
      expect((await mentoring.reportableMentorship(anew(c.mentor), mentorship!.id))?.personId).toBe(id(c.lead));
      expect(await mentoring.reportableMentorship(anew(c.steward), mentorship!.id)).toBeNull();
      expect(await mentoring.reportableMentorship(serviceContext(database.db), mentorship!.id)).toBeNull();
      expect(await mentoring.reportableMentorship(anew(c.lead), 'not-an-id')).toBeNull();
    });
  });

  describe('hideMentorOffer', () => {
    it('should refuse a person with no offer', async () => {
      const c = await cast();
      const refused = await caught(mentoring.hideMentorOffer(serviceContext(database.db), id(c.steward)));
      expect(refused.code).toBe('NOT_FOUND');
    });

    it('should take the offer out of suggestions, rounds, profiles and requests, and keep it hidden for its mentor', async () => {
      const c = await cast();
      expect(await suggested(c.lead, c.need)).toContain(id(c.mentor));
      await mentoring.hideMentorOffer(serviceContext(database.db, { clock: c.clock }), id(c.mentor));

      expect(await suggested(c.lead, c.need)).toEqual([id(c.other)]);
      expect(await roundMentors(c.steward, c.networkId)).toEqual([id(c.other)]);
      expect((await mentoring.offersOfPeople(anew(c.lead), [id(c.mentor), id(c.other)])).has(id(c.mentor))).toBe(false);
      const refused = await caught(mentoring.requestMentor(anew(c.lead), c.need.id, id(c.mentor), 'Hello'));
      expect([refused.code, refused.message]).toEqual(['FORBIDDEN', CANNOT_ASK]);

      // The mentor sees it, hidden; neither an edit nor a pause and resume brings it back.
      expect((await mentoring.myMentorOffer(anew(c.mentor)))?.hiddenAt).toEqual(c.clock.now());
      expect((await mentoring.offersOfPeople(anew(c.mentor), [id(c.mentor)])).get(id(c.mentor))?.hiddenAt).toEqual(
        c.clock.now(),
      );
      await mentoring.upsertMentorOffer(anew(c.mentor), { ...c.offer, commitment: 'Two hours a month' });
      await mentoring.pauseMentorOffer(anew(c.mentor), true);
      expect((await mentoring.pauseMentorOffer(anew(c.mentor), false)).hiddenAt).toEqual(c.clock.now());
      expect(await suggested(c.lead, c.need)).toEqual([id(c.other)]);
    });
  });

  describe('suspension', () => {
    it('should refuse a suspended lead posting a need or asking in the network, until the date passes', async () => {
      const c = await cast();
      const until = new Date(c.clock.now().getTime() + DAY_MS);
      await memberships.suspendMember(c.steward, { networkId: c.networkId, userId: id(c.lead), until, note: 'Spam.' });
      const message = 'You are suspended from this network until 5 December 2026: Spam.';
      const need = {
        title: 'Video',
        description: 'Filming.',
        firstCallBrief: 'Where to start.',
        categories: [],
        skills: c.offer.skills,
        formats: ['VIDEO' as const],
        urgency: 'NO_RUSH' as const,
        networkId: c.networkId,
      };
      for (const refused of await Promise.all(
        [
          mentoring.postNeed(anew(c.lead), need),
          mentoring.requestMentor(anew(c.lead), c.need.id, id(c.mentor), 'Hello'),
        ].map(caught),
      )) {
        expect([refused.code, refused.message]).toEqual(['FORBIDDEN', message]);
      }
      // A need posted in no network is theirs to post; and the suspended lead's needs leave the round.
      expect((await mentoring.postNeed(anew(c.lead), { ...need, networkId: null })).networkId).toBeNull();
      expect(await roundPairs(c.steward, c.networkId)).toEqual([]);

      c.clock.advance(DAY_MS + 1000);
      expect((await mentoring.requestMentor(anew(c.lead), c.need.id, id(c.mentor), 'Hello')).mentorId).toBe(
        id(c.mentor),
      );
    });

    it('should leave a suspended mentor out of suggestions, rounds and requests for needs of that network', async () => {
      const c = await cast();
      const until = new Date(c.clock.now().getTime() + DAY_MS);
      await memberships.suspendMember(c.steward, {
        networkId: c.networkId,
        userId: id(c.mentor),
        until,
        note: 'Selling.',
      });

      expect(await suggested(c.lead, c.need)).toEqual([id(c.other)]);
      expect(await roundMentors(c.steward, c.networkId)).toEqual([id(c.other)]);
      const refused = await caught(mentoring.requestMentor(anew(c.lead), c.need.id, id(c.mentor), 'Hello'));
      expect([refused.code, refused.message]).toEqual(['FORBIDDEN', CANNOT_ASK]);

      c.clock.advance(DAY_MS + 1000);
      expect((await suggested(c.lead, c.need)).sort()).toEqual([id(c.mentor), id(c.other)].sort());
      expect((await roundMentors(c.steward, c.networkId)).sort()).toEqual([id(c.mentor), id(c.other)].sort());
    });
  });

  describe('blocking', () => {
    for (const direction of ['lead blocks mentor', 'mentor blocks lead'] as const) {
      it(`should keep the two apart in suggestions, offers, rounds and requests when the ${direction}`, async () => {
        const c = await cast();
        const [blocker, blocked] = direction === 'lead blocks mentor' ? [c.lead, c.mentor] : [c.mentor, c.lead];
        expect(await roundPairs(c.steward, c.networkId)).toHaveLength(1);
        await safety.blockPerson(anew(blocker), id(blocked));

        expect(await suggested(c.lead, c.need)).toEqual([id(c.other)]);
        const offers = await mentoring.offersOfPeople(anew(c.lead), [id(c.mentor), id(c.other)]);
        expect([...offers.keys()]).toEqual([id(c.other)]);
        expect(await mentoring.reportableMentorOffer(anew(c.lead), id(c.mentor))).toBeNull();
        expect(await roundPairs(c.steward, c.networkId)).toEqual([[id(c.lead), id(c.other)]]);
        const refused = await caught(mentoring.requestMentor(anew(c.lead), c.need.id, id(c.mentor), 'Hello'));
        expect([refused.code, refused.message]).toEqual(['FORBIDDEN', CANNOT_ASK]);
        // Others still see the mentor.
        expect((await mentoring.offersOfPeople(anew(c.steward), [id(c.mentor)])).has(id(c.mentor))).toBe(true);

        await safety.unblockPerson(anew(blocker), id(blocked));
        expect((await suggested(c.lead, c.need)).sort()).toEqual([id(c.mentor), id(c.other)].sort());
      });
    }

    it('should refuse a request to a mentor the lead may not see with the same words as a block', async () => {
      const c = await cast();
      const stranger = await signedUpPerson(database.db, { name: 'Sam Stranger', clock: c.clock });
      await mentoring.upsertMentorOffer(stranger, { ...OFFER, visibleTo: 'SHARED_NETWORKS' });
      for (const mentorId of [id(stranger), id(c.steward), 'not-an-id']) {
        const refused = await caught(mentoring.requestMentor(anew(c.lead), c.need.id, mentorId, 'Hello'));
        expect([refused.code, refused.message]).toEqual(['FORBIDDEN', CANNOT_ASK]);
      }
    });
  });
});
