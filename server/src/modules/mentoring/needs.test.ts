import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../core/errors.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, networkWith, serviceContext, signedUpPerson, startedNetwork } from '../../testing/factories.ts';
import * as notifications from '../notifications/service.ts';
import * as mentoring from './service.ts';

const NEED: mentoring.PostNeedInput = {
  title: 'Move our newsletter off spreadsheets',
  description: 'We send a monthly newsletter by hand.\r\nI want it automated.',
  firstCallBrief: 'Tell me whether Mailchimp is right for 400 supporters.',
  categories: ['SHORT_TERM_SKILLS', 'SHORT_TERM_SKILLS'],
  skills: ['Mailchimp', 'mailchimp', 'Email newsletters'],
  formats: ['VIDEO'],
  urgency: 'THIS_MONTH',
};

describe.each(DATABASE_KINDS)('needs on %s', (kind) => {
  const database = useTestDatabase(kind);
  const person = (name: string) => signedUpPerson(database.db, { name, ticking: true });

  it('should post a need in one of the lead’s networks, list it, and close it once', async () => {
    const lead = await person('Lee Lead');
    const steward = await person('Sam Steward');
    const network = await networkWith(steward, lead);
    const need = await mentoring.postNeed(lead, { ...NEED, networkId: network.id });
    expect(need).toMatchObject({
      leadId: lead.user.id,
      networkId: network.id,
      title: 'Move our newsletter off spreadsheets',
      description: 'We send a monthly newsletter by hand.\nI want it automated.',
      categories: ['SHORT_TERM_SKILLS'],
      skills: ['mailchimp', 'email newsletters'],
      skillsAsTyped: ['Mailchimp', 'Email newsletters'],
      formats: ['VIDEO'],
      urgency: 'THIS_MONTH',
      status: 'OPEN',
      closedAt: null,
    });
    const second = await mentoring.postNeed(lead, { ...NEED, title: 'A second need' });
    expect(second.networkId).toBeNull();
    expect((await mentoring.myNeeds(lead)).map((n) => n.title)).toEqual(['A second need', NEED.title]);
    expect(await mentoring.myNeed(lead, need.id)).toEqual(need);

    const closed = await mentoring.closeNeed(lead, need.id);
    expect([closed.status, closed.closedAt]).toEqual(['CLOSED', expect.any(Date)]);
    expect(await mentoring.closeNeed(lead, need.id)).toEqual(closed);
  });

  it('should keep a need from everyone but its lead, and refuse another’s network', async () => {
    const lead = await person('Lou Lead');
    const other = await person('Oli Other');
    const need = await mentoring.postNeed(lead, NEED);
    for (const attempt of [mentoring.myNeed(other, need.id), mentoring.closeNeed(other, need.id)]) {
      expect((await caught(attempt)).code).toBe('NOT_FOUND');
    }
    expect((await caught(mentoring.myNeed(lead, 'not-an-id'))).code).toBe('NOT_FOUND');
    expect(await mentoring.myNeeds(other)).toEqual([]);
    expect((await mentoring.myNeed(lead, need.id)).status).toBe('OPEN');

    const elsewhere = await startedNetwork(other);
    const refused = await caught(mentoring.postNeed(lead, { ...NEED, networkId: elsewhere.id }));
    expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'networkId']);
    const anonymous = serviceContext(database.db);
    expect((await caught(mentoring.postNeed(anonymous, NEED))).code).toBe('UNAUTHENTICATED');
    expect((await caught(mentoring.myNeeds(anonymous))).code).toBe('UNAUTHENTICATED');
  });

  it('should name every field at fault at once', async () => {
    const lead = await person('Fi Fields');
    const refused = await caught(
      mentoring.postNeed(lead, { ...NEED, title: ' ', firstCallBrief: '', formats: [], skills: ['x'.repeat(41)] }),
    );
    expect(refused).toBeInstanceOf(InputErrors);
    expect((refused as InputErrors).problems.map((problem) => problem.field)).toEqual([
      'title',
      'firstCallBrief',
      'skills',
      'formats',
    ]);
    expect(await mentoring.myNeeds(lead)).toEqual([]);
  });

  it('should post a need addressed to a mentor and ask them in the same step, or write nothing', async () => {
    const lead = await person('Ash Asker');
    const offer: mentoring.MentorOfferInput = {
      skills: ['Mailchimp'],
      categories: ['SHORT_TERM_SKILLS'],
      formats: ['VIDEO'],
      capacity: 1,
      commitment: 'An hour a month',
      promiseNoSelling: true,
    };
    const mentor = await person('Mina Mentor');
    await mentoring.upsertMentorOffer(mentor, offer);
    const inboxOf = async (who: typeof lead) =>
      (await (await notifications.listNotifications(who, {})).edges()).map((edge) => edge.node.title);

    const need = await mentoring.postNeed(lead, {
      ...NEED,
      askMentor: { mentorId: mentor.user.id, message: ' I saw your talk on newsletters. ' },
    });
    expect(need.status).toBe('OPEN');
    expect((await mentoring.requestsOfNeeds(lead, [need])).get(need.id)).toMatchObject([
      { status: 'PENDING', mentorId: mentor.user.id, leadId: lead.user.id, message: 'I saw your talk on newsletters.' },
    ]);
    expect(await inboxOf(mentor)).toEqual([`Ash Asker asks you to mentor: ${NEED.title}`]);

    // Each refusal names its field (one the lead may not ask is refused in the same neutral words
    // as a block, naming none) and writes neither the need nor the request.
    const paused = await person('Pia Paused');
    await mentoring.upsertMentorOffer(paused, offer);
    await mentoring.pauseMentorOffer(paused, true);
    const full = await person('Finn Full');
    await mentoring.upsertMentorOffer(full, offer);
    const earlier = await mentoring.postNeed(lead, { ...NEED, askMentor: { mentorId: full.user.id, message: 'Hi' } });
    const [request] = (await mentoring.requestsOfNeeds(lead, [earlier])).get(earlier.id) as mentoring.RequestRecord[];
    await mentoring.respondToRequest(full, request!.id, true, null);
    const noOffer = await person('Nat Nooffer');
    const before = await mentoring.myNeeds(lead);
    const refusals: Array<[string, string, string, string | undefined]> = [
      [lead.user.id, 'Hi', 'BAD_USER_INPUT', 'mentorId'],
      [noOffer.user.id, 'Hi', 'FORBIDDEN', undefined],
      ['not-an-id', 'Hi', 'FORBIDDEN', undefined],
      [paused.user.id, 'Hi', 'CONFLICT', 'mentorId'],
      [full.user.id, 'Hi', 'CONFLICT', 'mentorId'],
      [mentor.user.id, 'x'.repeat(2001), 'BAD_USER_INPUT', 'message'],
    ];
    for (const [mentorId, message, code, field] of refusals) {
      const refused = await caught(mentoring.postNeed(lead, { ...NEED, askMentor: { mentorId, message } }));
      expect([refused.code, refused.field]).toEqual([code, field]);
    }
    expect(await mentoring.myNeeds(lead)).toEqual(before);
    expect(await inboxOf(paused)).toEqual([]);
    expect(await inboxOf(mentor)).toHaveLength(1);
  });
});
