import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, signedUpPerson, TEST_PASSWORD, TestClock, type TestPerson } from '../../testing/factories.ts';
import * as people from '../people/service.ts';
import * as mentoring from './service.ts';

describe.each(DATABASE_KINDS)('mentorships on %s', (kind) => {
  const database = useTestDatabase(kind);
  const clock = new TestClock(new Date('2026-12-02T09:00:00Z'));
  const person = (name: string) => signedUpPerson(database.db, { name, clock });

  /** A mentor and a lead whose request the mentor accepted. */
  async function mentorshipBetween(): Promise<{ mentor: TestPerson; mentee: TestPerson; id: string }> {
    const mentor = await person('Mo Mentor');
    await mentoring.upsertMentorOffer(mentor, {
      skills: ['Canva'],
      categories: ['QUICK_TIP'],
      formats: ['VIDEO'],
      capacity: 1,
      commitment: 'An hour',
      promiseNoSelling: true,
    });
    const mentee = await person('Mia Mentee');
    const need = await mentoring.postNeed(mentee, {
      title: 'Posters',
      description: 'Better posters',
      firstCallBrief: 'Show me Canva',
      categories: ['QUICK_TIP'],
      skills: ['Canva'],
      formats: ['VIDEO'],
      urgency: 'NO_RUSH',
    });
    const request = await mentoring.requestMentor(mentee, need.id, mentor.user.id, 'Hello');
    const { mentorship } = await mentoring.respondToRequest(mentor, request.id, true, null);
    return { mentor, mentee, id: mentorship!.id };
  }

  it('should keep goals and dated check-ins from either side, and pause and resume', async () => {
    const { mentor, mentee, id } = await mentorshipBetween();
    const stranger = await person('Stu Stranger');
    expect((await mentoring.setMentorshipGoals(mentee, id, 'A poster template by January')).goals).toBe(
      'A poster template by January',
    );
    await mentoring.logCheckIn(mentor, id, 'First call: chose a template', '2026-12-01');
    await mentoring.logCheckIn(mentee, id, 'Made two posters');
    const [mentorship] = await mentoring.myMentorships(mentee);
    const checkIns = (await mentoring.checkInsOf(mentee, [mentorship!])).get(id)!;
    expect(checkIns.map((c) => [c.happenedOn, c.note, c.authorId])).toEqual([
      ['2026-12-01', 'First call: chose a template', mentor.user.id],
      ['2026-12-02', 'Made two posters', mentee.user.id],
    ]);
    const future = await caught(mentoring.logCheckIn(mentee, id, 'Later', '2026-12-25'));
    expect([future.code, future.field]).toEqual(['BAD_USER_INPUT', 'on']);
    expect((await caught(mentoring.logCheckIn(mentee, id, ' '))).field).toBe('note');
    expect((await caught(mentoring.logCheckIn(stranger, id, 'Hi'))).code).toBe('NOT_FOUND');

    expect((await mentoring.pauseMentorship(mentor, id, true)).status).toBe('PAUSED');
    // A paused mentorship still holds the mentor's place.
    expect((await mentoring.myMentorOffer(mentor))?.activeMentees).toBe(1);
    expect((await mentoring.pauseMentorship(mentee, id, false)).status).toBe('ACTIVE');
  });

  it('should close with the mentee’s outcome, or with the mentor’s kind note and the outcome after', async () => {
    const first = await mentorshipBetween();
    const refused = await caught(mentoring.closeMentorship(first.mentee, first.id, 6, null));
    expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'rating']);
    const closed = await mentoring.closeMentorship(first.mentee, first.id, 4, 'Our posters look professional now');
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closedBy: first.mentee.user.id,
      outcomeRating: 4,
      outcomeNote: 'Our posters look professional now',
    });
    // The place is free again.
    expect((await mentoring.myMentorOffer(first.mentor))?.activeMentees).toBe(0);
    expect((await caught(mentoring.closeMentorship(first.mentor, first.id, null, 'Bye'))).code).toBe('CONFLICT');
    expect((await caught(mentoring.logCheckIn(first.mentor, first.id, 'After'))).code).toBe('CONFLICT');

    const second = await mentorshipBetween();
    expect((await caught(mentoring.closeMentorship(second.mentor, second.id, 5, null))).code).toBe('FORBIDDEN');
    const byMentor = await mentoring.closeMentorship(second.mentor, second.id, null, 'Moving abroad: good luck!');
    expect(byMentor).toMatchObject({ status: 'CLOSED', closeNote: 'Moving abroad: good luck!', outcomeRating: null });
    const outcome = await mentoring.closeMentorship(second.mentee, second.id, 3, null);
    expect([outcome.outcomeRating, outcome.outcomeNote, outcome.closeNote]).toEqual([
      3,
      null,
      'Moving abroad: good luck!',
    ]);
    expect((await caught(mentoring.closeMentorship(second.mentee, second.id, 5, null))).code).toBe('CONFLICT');
  });

  it('should give one close when both sides close at once', async () => {
    const { mentor, mentee, id } = await mentorshipBetween();
    const closes = await Promise.allSettled([
      mentoring.closeMentorship(mentor, id, null, 'Done'),
      mentoring.closeMentorship(mentee, id, 5, 'Great'),
    ]);
    expect(closes.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    const [after] = await mentoring.myMentorships(mentee);
    expect(after!.status).toBe('CLOSED');
  });

  it('should erase a mentee’s needs, requests and mentorships with their account, and free the place', async () => {
    const { mentor, mentee, id } = await mentorshipBetween();
    await mentoring.logCheckIn(mentor, id, 'Met once');
    const exported = JSON.parse(await people.exportMyData(mentee)).mentoring;
    expect(exported.needs.map((n: { title: string }) => n.title)).toEqual(['Posters']);
    expect(exported.mentorships[0].checkIns.map((c: { note: string }) => c.note)).toEqual(['Met once']);
    expect(exported.requestsSent.map((r: { status: string }) => r.status)).toEqual(['ACCEPTED']);

    expect(await people.deleteMyAccount(mentee, TEST_PASSWORD)).toBe(true);
    expect(await mentoring.myMentorships(mentor)).toEqual([]);
    expect(await mentoring.myRequests(mentor, 'in')).toEqual([]);
    expect((await mentoring.myMentorOffer(mentor))?.activeMentees).toBe(0);
    const left = await database.db.selectFrom('needs').select('id').where('lead_id', '=', mentee.user.id).execute();
    expect(left).toEqual([]);

    expect(await people.deleteMyAccount(mentor, TEST_PASSWORD)).toBe(true);
    const offers = await database.db
      .selectFrom('mentor_offers')
      .select('user_id')
      .where('user_id', '=', mentor.user.id)
      .execute();
    expect(offers).toEqual([]);
  });
});
