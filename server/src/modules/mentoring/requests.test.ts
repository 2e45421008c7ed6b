import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  networkWith,
  serviceContext,
  signedUpPerson,
  startedNetwork,
  TestClock,
  type TestPerson,
} from '../../testing/factories.ts';
import * as mentoring from './service.ts';

const OFFER: mentoring.MentorOfferInput = {
  skills: ['Mailchimp'],
  categories: ['SHORT_TERM_SKILLS'],
  formats: ['VIDEO'],
  capacity: 2,
  commitment: 'An hour a month',
  promiseNoSelling: true,
};

const NEED: mentoring.PostNeedInput = {
  title: 'Automate our newsletter',
  description: 'By hand today.',
  firstCallBrief: 'Is Mailchimp right for us?',
  categories: ['SHORT_TERM_SKILLS'],
  skills: ['mailchimp'],
  formats: ['VIDEO'],
  urgency: 'THIS_MONTH',
};

describe.each(DATABASE_KINDS)('mentoring requests on %s', (kind) => {
  const database = useTestDatabase(kind);
  // Everyone acts on one clock, so the test can move past a request's week.
  const clock = new TestClock(new Date('2026-12-02T09:00:00Z'));
  const person = (name: string) => signedUpPerson(database.db, { name, clock });
  const id = (p: TestPerson) => p.user.id;

  async function mentorWith(name: string, offer: Partial<mentoring.MentorOfferInput> = {}) {
    const mentor = await person(name);
    await mentoring.upsertMentorOffer(mentor, { ...OFFER, ...offer });
    return mentor;
  }

  /** A unique skill, so only this test's mentors match this test's needs. */
  const uniqueSkill = () => `skill-${crypto.randomUUID().slice(0, 8)}`;

  /**
   * The mentors suggested for a need, among these: other tests' mentors give the same kinds of
   * support, so they may be suggested too.
   */
  const suggested = async (lead: ServiceContext, need: mentoring.NeedRecord, among: TestPerson[]) =>
    (await mentoring.needSuggestions(lead, need, 50))
      .map((s) => s.mentorId)
      .filter((mentorId) => among.some((p) => id(p) === mentorId));

  it('should rank mentors by fit with reasons, leaving out the paused, the full, the lead and the hidden', async () => {
    const skill = uniqueSkill();
    const lead = await person('Lee Lead');
    const best = await mentorWith('Bea Best', { skills: [skill, 'Email newsletters'], capacity: 3 });
    const fair = await mentorWith('Fred Fair', { skills: [skill], categories: ['QUICK_TIP'] });
    const paused = await mentorWith('Pat Paused', { skills: [skill] });
    await mentoring.pauseMentorOffer(paused, true);
    const hidden = await mentorWith('Hal Hidden', { skills: [skill], visibleTo: 'SHARED_NETWORKS' });
    const phoneOnly = await mentorWith('Phil Phone', { skills: [skill], formats: ['PHONE'] });
    await mentoring.upsertMentorOffer(lead, { ...OFFER, skills: [skill] });
    const need = await mentoring.postNeed(lead, { ...NEED, skills: [skill, 'email newsletters'] });

    const everyone = [best, fair, paused, hidden, phoneOnly, lead];
    const suggestions = (await mentoring.needSuggestions(lead, need, 50)).filter((s) =>
      everyone.some((p) => id(p) === s.mentorId),
    );
    expect(suggestions.map((s) => s.mentorId)).toEqual([id(best), id(fair)]);
    expect(suggestions[0]!.reasons).toEqual([
      `knows ${skill} and Email newsletters`,
      'gives short-term skills',
      'meets by video',
      'has 3 of 3 places free',
      'has not been asked this month',
    ]);
    expect(suggestions[0]!.score).toBeGreaterThan(suggestions[1]!.score);
    expect(suggestions[1]!.reasons[0]).toBe(`knows ${skill}`);

    // Sharing a network shows the offer limited to shared networks.
    await networkWith(hidden, lead);
    expect(await suggested(lead, need, everyone)).toEqual([id(best), id(hidden), id(fair)]);

    // Only the lead sees them.
    expect((await caught(mentoring.needSuggestions(best, need, 10))).code).toBe('FORBIDDEN');
    expect((await caught(mentoring.needSuggestions(lead, need, 51))).field).toBe('first');
  });

  it('should ask one mentor at a time, refuse the asks the rules forbid, and make a mentorship on accept', async () => {
    const skill = uniqueSkill();
    const lead = await person('Lou Lead');
    const first = await mentorWith('Mia Mentor', { skills: [skill] });
    const second = await mentorWith('Max Mentor', { skills: [skill] });
    const stranger = await person('Sid Stranger');
    const need = await mentoring.postNeed(lead, { ...NEED, skills: [skill] });

    const ownAsk = await caught(mentoring.requestMentor(lead, need.id, id(lead), 'Me?'));
    expect([ownAsk.code, ownAsk.field]).toEqual(['BAD_USER_INPUT', 'mentorId']);
    expect((await caught(mentoring.requestMentor(lead, need.id, id(stranger), 'Hi'))).code).toBe('FORBIDDEN');
    expect((await caught(mentoring.requestMentor(stranger, need.id, id(first), 'Hi'))).code).toBe('NOT_FOUND');

    const request = await mentoring.requestMentor(lead, need.id, id(first), 'Could we talk?');
    expect(request).toMatchObject({
      status: 'PENDING',
      mentorId: id(first),
      leadId: id(lead),
      message: 'Could we talk?',
    });
    expect(request.expiresAt).toEqual(new Date('2026-12-09T09:00:00Z'));
    expect(await mentoring.needSuggestions(lead, need, 50)).toEqual([]);
    const twice = await caught(mentoring.requestMentor(lead, need.id, id(first), 'Again'));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', 'You have asked this mentor about this need already.']);
    expect((await caught(mentoring.requestMentor(lead, need.id, id(second), 'Or you?'))).code).toBe('CONFLICT');

    // Only the mentor asked answers.
    expect((await caught(mentoring.respondToRequest(lead, request.id, true, null))).code).toBe('FORBIDDEN');
    expect((await caught(mentoring.respondToRequest(second, request.id, true, null))).code).toBe('NOT_FOUND');

    const { request: accepted, mentorship } = await mentoring.respondToRequest(first, request.id, true, ' Gladly ');
    expect([accepted.status, accepted.responseNote]).toEqual(['ACCEPTED', 'Gladly']);
    expect(mentorship).toMatchObject({ mentorId: id(first), menteeId: id(lead), needId: need.id, status: 'ACTIVE' });
    expect((await mentoring.myNeed(lead, need.id)).status).toBe('MATCHED');
    const again = await caught(mentoring.respondToRequest(first, request.id, false, null));
    expect([again.code, again.message]).toEqual(['CONFLICT', 'This request has been answered already.']);
    expect((await mentoring.myMentorOffer(first))?.activeMentees).toBe(1);
  });

  it('should show suggestions again after a decline or a week without an answer', async () => {
    const skill = uniqueSkill();
    const lead = await person('Dee Declined');
    const decliner = await mentorWith('Dan Decliner', { skills: [skill] });
    const silent = await mentorWith('Sil Silent', { skills: [skill] });
    const third = await mentorWith('Tia Third', { skills: [skill] });
    const need = await mentoring.postNeed(lead, { ...NEED, skills: [skill] });

    const declined = await mentoring.requestMentor(lead, need.id, id(decliner), 'Please');
    await mentoring.respondToRequest(decliner, declined.id, false, 'Too busy this month, sorry.');
    const mentors = [decliner, silent, third];
    expect((await suggested(lead, need, mentors)).sort()).toEqual([id(silent), id(third)].sort());

    const unanswered = await mentoring.requestMentor(lead, need.id, id(silent), 'Please');
    clock.advance(7 * 24 * 60 * 60_000);
    expect((await mentoring.requestsOfNeeds(lead, [need])).get(need.id)).toMatchObject([
      { status: 'DECLINED', responseNote: 'Too busy this month, sorry.' },
      { status: 'EXPIRED' },
    ]);
    expect(await suggested(lead, need, mentors)).toEqual([id(third)]);
    const late = await caught(mentoring.respondToRequest(silent, unanswered.id, true, null));
    expect([late.code, late.message]).toEqual(['CONFLICT', 'This request expired before it was answered.']);
    // Before the sweep marks it, the expired request does not hold the need's waiting place.
    const next = await mentoring.requestMentor(lead, need.id, id(third), 'Please');
    expect(next.status).toBe('PENDING');
    expect((await mentoring.expireOverdueRequests(serviceContext(database.db, { clock }))).map((r) => r.id)).toEqual(
      [],
    );

    // Closing the need withdraws the waiting request.
    await mentoring.closeNeed(lead, need.id);
    expect((await mentoring.requestsOfNeeds(lead, [need])).get(need.id)).toMatchObject([
      { status: 'DECLINED' },
      { status: 'EXPIRED' },
      { status: 'WITHDRAWN' },
    ]);
  });

  it('should never take a mentor past capacity when many accepts come at once', async () => {
    const skill = uniqueSkill();
    const mentor = await mentorWith('Cap Capacity', { skills: [skill], capacity: 2 });
    const requests: mentoring.RequestRecord[] = [];
    for (let i = 0; i < 6; i += 1) {
      const lead = await person(`Lead ${i}`);
      const need = await mentoring.postNeed(lead, { ...NEED, skills: [skill] });
      requests.push(await mentoring.requestMentor(lead, need.id, id(mentor), 'Please'));
    }
    const answers = await Promise.allSettled(
      requests.map((request) =>
        mentoring.respondToRequest(
          serviceContext(database.db, { clock, viewer: mentor.viewer }),
          request.id,
          true,
          null,
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(2);
    for (const refused of answers.filter((answer) => answer.status === 'rejected')) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    }
    expect((await mentoring.myMentorOffer(mentor))?.activeMentees).toBe(2);
  });

  it('should answer a request once when accept and decline race', async () => {
    const skill = uniqueSkill();
    const mentor = await mentorWith('Rae Racer', { skills: [skill], capacity: 5 });
    const lead = await person('Rob Racer');
    const need = await mentoring.postNeed(lead, { ...NEED, skills: [skill] });
    const request = await mentoring.requestMentor(lead, need.id, id(mentor), 'Please');
    const answers = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        mentoring.respondToRequest(
          serviceContext(database.db, { clock, viewer: mentor.viewer }),
          request.id,
          i % 2 === 0,
          null,
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    const open = (await mentoring.myMentorOffer(mentor))?.activeMentees;
    const status = (await mentoring.requestsOfNeeds(lead, [need])).get(need.id) as mentoring.RequestRecord[];
    expect(open).toBe(status[0]!.status === 'ACCEPTED' ? 1 : 0);
  });

  it('should not let a lead ask a mentor whose offer they may not see', async () => {
    const lead = await person('Vi Visible');
    const hidden = await mentorWith('Hu Hidden', { visibleTo: 'SHARED_NETWORKS' });
    await startedNetwork(hidden);
    const need = await mentoring.postNeed(lead, NEED);
    const refused = await caught(mentoring.requestMentor(lead, need.id, id(hidden), 'Hi'));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'You cannot send this mentor a request.']);
  });
});
