import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  networkWith,
  RecordingPublisher,
  serviceContext,
  signedUpPerson,
  TestClock,
  type TestPerson,
} from '../../testing/factories.ts';
import * as notifications from '../notifications/service.ts';
import * as mentoring from './service.ts';

const OFFER: mentoring.MentorOfferInput = {
  skills: ['Mailchimp'],
  categories: ['SHORT_TERM_SKILLS'],
  formats: ['VIDEO'],
  capacity: 3,
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

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

describe.each(DATABASE_KINDS)('mentoring notifications on %s', (kind) => {
  const database = useTestDatabase(kind);
  const id = (p: TestPerson) => p.user.id;

  /** People on one clock of their own, so a test can move past a request's week. */
  function cast() {
    const clock = new TestClock(new Date('2026-12-02T09:00:00Z'));
    const person = (name: string) => signedUpPerson(database.db, { name, clock });
    const mentor = async (name: string, offer: Partial<mentoring.MentorOfferInput> = {}) => {
      const who = await person(name);
      await mentoring.upsertMentorOffer(who, { ...OFFER, ...offer });
      return who;
    };
    return { clock, person, mentor };
  }

  /** The person's notifications, newest first, as their notifications page lists them. */
  async function inbox(p: TestPerson) {
    const page = await notifications.listNotifications(p, { first: 50 });
    return (await page.edges()).map(({ node }) => ({
      kind: node.kind,
      title: node.title,
      body: node.body,
      url: node.url,
    }));
  }

  it('should tell the mentor they are asked, and the lead how they answered', async () => {
    const { person, mentor } = cast();
    const lead = await person('Lee Lead');
    const yes = await mentor('Yan Yes');
    const no = await mentor('Nia No');
    const needA = await mentoring.postNeed(lead, NEED);
    const needB = await mentoring.postNeed(lead, { ...NEED, title: 'Pick a CRM' });

    const askA = await mentoring.requestMentor(lead, needA.id, id(yes), 'Could we talk?');
    expect(await inbox(yes)).toEqual([
      {
        kind: 'MENTORING',
        title: 'Lee Lead asks you to mentor: Automate our newsletter',
        body: 'Read their first-call brief and answer within 7 days.',
        url: `/mentoring/requests/${askA.id}`,
      },
    ]);
    expect(await inbox(lead)).toEqual([]);
    expect(lead.pubsub).toBeInstanceOf(RecordingPublisher);
    expect((lead.pubsub as RecordingPublisher).published.map((p) => p.topic)).toContain(
      notifications.NOTIFICATION_ADDED_TOPIC(id(yes)),
    );

    const { mentorship } = await mentoring.respondToRequest(yes, askA.id, true, 'Gladly: shall we meet on Monday?');
    expect(await inbox(lead)).toEqual([
      {
        kind: 'MENTORING',
        title: 'Yan Yes will mentor you: Automate our newsletter',
        body: 'Gladly: shall we meet on Monday?',
        url: `/mentoring/mentorships/${mentorship!.id}`,
      },
    ]);
    expect(await inbox(yes)).toHaveLength(1);

    const askB = await mentoring.requestMentor(lead, needB.id, id(no), 'And this?');
    await mentoring.respondToRequest(no, askB.id, false, 'Not my field, sorry.');
    expect((await inbox(lead))[0]).toEqual({
      kind: 'MENTORING',
      title: 'Nia No cannot mentor you this time: Pick a CRM',
      body: 'Not my field, sorry.',
      url: `/mentoring/needs/${needB.id}`,
    });
    expect(await inbox(no)).toHaveLength(1);
    expect(await inbox(yes)).toHaveLength(1);
  });

  it('should write no notice when the change is refused', async () => {
    const { person, mentor } = cast();
    const lead = await person('Ros Refused');
    const full = await mentor('Fay Full', { capacity: 1 });
    const need = await mentoring.postNeed(lead, NEED);
    const ask = await mentoring.requestMentor(lead, need.id, id(full), 'Please');
    await mentoring.respondToRequest(full, ask.id, true, null);
    const other = await person('Oli Other');
    const otherNeed = await mentoring.postNeed(other, NEED);
    expect((await caught(mentoring.requestMentor(other, otherNeed.id, id(full), 'Me too?'))).code).toBe('CONFLICT');
    expect((await caught(mentoring.respondToRequest(full, ask.id, false, null))).code).toBe('CONFLICT');
    expect((await inbox(full)).map((n) => n.title)).toEqual([
      'Ros Refused asks you to mentor: Automate our newsletter',
    ]);
    expect((await inbox(lead)).map((n) => n.title)).toEqual(['Fay Full will mentor you: Automate our newsletter']);
  });

  it('should tell the mentor when the lead withdraws, or closes the need while a request waits', async () => {
    const { clock, person, mentor } = cast();
    const lead = await person('Wes Withdraw');
    const first = await mentor('Fen First');
    const second = await mentor('Sol Second');
    const late = await mentor('Lyn Late');
    const need = await mentoring.postNeed(lead, NEED);
    await mentoring.withdrawRequest(lead, (await mentoring.requestMentor(lead, need.id, id(first), 'Hi')).id);
    expect((await inbox(first))[0]).toEqual({
      kind: 'MENTORING',
      title: 'Wes Withdraw withdrew their request: Automate our newsletter',
      body: 'There is nothing for you to answer.',
      url: '/mentoring',
    });

    await mentoring.requestMentor(lead, need.id, id(second), 'Hi');
    await mentoring.closeNeed(lead, need.id);
    expect((await inbox(second)).map((n) => n.title)).toEqual([
      'Wes Withdraw withdrew their request: Automate our newsletter',
      'Wes Withdraw asks you to mentor: Automate our newsletter',
    ]);
    expect(await inbox(lead)).toEqual([]);

    // A request past its week was not waiting on its mentor: closing the need tells them nothing.
    const other = await mentoring.postNeed(lead, { ...NEED, title: 'Another' });
    await mentoring.requestMentor(lead, other.id, id(late), 'Hi');
    clock.advance(WEEK_MS);
    await mentoring.closeNeed(lead, other.id);
    expect((await inbox(late)).map((n) => n.title)).toEqual(['Wes Withdraw asks you to mentor: Another']);
  });

  it('should tell each lead once that a week passed without an answer, however many sweeps run at once', async () => {
    const { clock, person, mentor } = cast();
    const silent = await mentor('Sid Silent');
    const leads = [await person('Ada Expired'), await person('Ben Expired'), await person('Cy Expired')];
    const requests: mentoring.RequestRecord[] = [];
    for (const lead of leads) {
      const need = await mentoring.postNeed(lead, { ...NEED, title: `Need of ${lead.user.name}` });
      requests.push(await mentoring.requestMentor(lead, need.id, id(silent), 'Please'));
    }
    const sweep = () => mentoring.expireOverdueRequests(serviceContext(database.db, { clock }));
    clock.advance(WEEK_MS - 60_000);
    expect((await sweep()).filter((r) => requests.some((mine) => mine.id === r.id))).toEqual([]);
    expect(await inbox(leads[0]!)).toEqual([]);

    clock.advance(60_000);
    const sweeps = await Promise.all([sweep(), sweep(), sweep()]);
    const expiredIds = sweeps.flat().map((r) => r.id);
    for (const request of requests) expect(expiredIds.filter((expired) => expired === request.id)).toHaveLength(1);
    for (const [i, lead] of leads.entries()) {
      expect(await inbox(lead)).toEqual([
        {
          kind: 'MENTORING',
          title: `Sid Silent did not answer in 7 days: Need of ${lead.user.name}`,
          body: 'Your need shows suggested mentors again: ask another.',
          url: `/mentoring/needs/${requests[i]!.needId}`,
        },
      ]);
    }
    expect(await inbox(silent)).toHaveLength(3);
    expect((await sweep()).filter((r) => requests.some((mine) => mine.id === r.id))).toEqual([]);
    expect(await inbox(leads[0]!)).toHaveLength(1);
  });

  it('should tell the other side when either closes the mentorship', async () => {
    const { person, mentor } = cast();
    const lead = await person('Cal Closer');
    const mentorA = await mentor('Mae Mentor');
    const mentorB = await mentor('Mat Mentor');
    const mentorshipWith = async (who: TestPerson, title: string) => {
      const need = await mentoring.postNeed(lead, { ...NEED, title });
      const ask = await mentoring.requestMentor(lead, need.id, id(who), 'Hi');
      return (await mentoring.respondToRequest(who, ask.id, true, null)).mentorship!;
    };
    const byMentor = await mentorshipWith(mentorA, 'First');
    const byMentee = await mentorshipWith(mentorB, 'Second');

    await mentoring.closeMentorship(mentorA, byMentor.id, null, 'It was a pleasure. Good luck!');
    expect((await inbox(lead))[0]).toEqual({
      kind: 'MENTORING',
      title: 'Mae Mentor closed your mentorship: First',
      body: 'It was a pleasure. Good luck!',
      url: `/mentoring/mentorships/${byMentor.id}`,
    });
    await mentoring.closeMentorship(lead, byMentee.id, 4, 'We send our newsletter on time now.');
    expect((await inbox(mentorB))[0]).toEqual({
      kind: 'MENTORING',
      title: 'Cal Closer closed your mentorship: Second',
      body: '',
      url: `/mentoring/mentorships/${byMentee.id}`,
    });
    // The closer is not told, and the mentee's outcome after the mentor's close is no new notice.
    expect((await inbox(mentorA)).map((n) => n.title)).toEqual(['Cal Closer asks you to mentor: First']);
    await mentoring.closeMentorship(lead, byMentor.id, 5, null);
    expect((await inbox(mentorA)).map((n) => n.title)).toEqual(['Cal Closer asks you to mentor: First']);
    expect((await caught(mentoring.closeMentorship(mentorB, byMentee.id, null, null))).code).toBe('CONFLICT');
    expect((await inbox(lead)).filter((n) => n.title.includes('closed'))).toHaveLength(1);
  });

  it('should tell every mentor of a confirmed round about each lead, in a few statements for them all', async () => {
    const { person } = cast();
    const organiser = await person('Orla Organiser');
    const mentors = [await person('Mo One'), await person('Mai Two')];
    const leads = await Promise.all(['Ann A', 'Bob B', 'Cat C'].map(person));
    const network = await networkWith(organiser, ...mentors, ...leads);
    for (const m of mentors) await mentoring.upsertMentorOffer(m, OFFER);
    const needs = [];
    for (const lead of leads) {
      needs.push(
        await mentoring.postNeed(lead, { ...NEED, title: `Round need of ${lead.user.name}`, networkId: network.id }),
      );
    }
    const pairs = [
      { needId: needs[0]!.id, mentorId: id(mentors[0]!) },
      { needId: needs[1]!.id, mentorId: id(mentors[0]!) },
      { needId: needs[2]!.id, mentorId: id(mentors[1]!) },
    ];
    database.statements.length = 0;
    const round = await mentoring.confirmMatchingRound(organiser, { networkId: network.id, pairs });
    const notificationInserts = database.statements.filter((s) => /insert into "notifications"/.test(s));
    expect(notificationInserts).toHaveLength(1);
    const requestOf = (needId: string) => round.requests.find((r) => r.needId === needId)!;
    expect(await inbox(mentors[0]!)).toEqual(
      expect.arrayContaining([
        {
          kind: 'MENTORING',
          title: 'Ann A asks you to mentor: Round need of Ann A',
          body: 'Read their first-call brief and answer within 7 days.',
          url: `/mentoring/requests/${requestOf(needs[0]!.id).id}`,
        },
        expect.objectContaining({
          title: 'Bob B asks you to mentor: Round need of Bob B',
          url: `/mentoring/requests/${requestOf(needs[1]!.id).id}`,
        }),
      ]),
    );
    expect(await inbox(mentors[0]!)).toHaveLength(2);
    expect((await inbox(mentors[1]!)).map((n) => n.title)).toEqual(['Cat C asks you to mentor: Round need of Cat C']);
    for (const lead of leads) expect(await inbox(lead)).toEqual([]);
    expect((await inbox(organiser)).filter((n) => n.kind === 'MENTORING')).toEqual([]);
  });

  it('should shorten a long need title so the notice still fits', async () => {
    const { person, mentor } = cast();
    const lead = await person(`L${'o'.repeat(98)}n`);
    const asked = await mentor('Ash Asked');
    const title = `${'A very long need title '.repeat(5)}`.slice(0, 120);
    const need = await mentoring.postNeed(lead, { ...NEED, title });
    await mentoring.requestMentor(lead, need.id, id(asked), 'Hi');
    const [told] = await inbox(asked);
    expect(told!.title.length).toBeGreaterThan(190);
    expect(told!.title.length).toBeLessThanOrEqual(200);
    expect(told!.title.startsWith(`L${'o'.repeat(98)}n asks you to mentor: A very long need title`)).toBe(true);
    expect(told!.title.endsWith('…')).toBe(true);
  });
});
