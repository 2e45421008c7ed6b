import { describe, expect, it } from 'vitest';
import { RequestMemo, type ServiceContext } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  networkWith,
  serviceContext,
  signedUpPerson,
  TestClock,
  type TestPerson,
} from '../../testing/factories.ts';
import * as audit from '../audit/service.ts';
import * as events from '../events/service.ts';
import * as memberships from '../memberships/service.ts';
import * as notifications from '../notifications/service.ts';
import * as safety from './service.ts';

// Reports and what stewards and operators do with them, at the service level: where a report
// goes, who may see and act on it, each action and what each person is told.

const DAY_MS = 86_400_000;

/** An online event a week after `now`, for two hours. */
function eventInput(now: Date): Omit<events.EventInput, 'networkId'> {
  const startsAt = new Date(now.getTime() + 7 * DAY_MS);
  return {
    title: 'Digital drop-in',
    description: 'Bring a laptop and a question.',
    format: 'WORKSHOP',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    timeZone: 'Europe/London',
    onlineUrl: 'https://meet.example.org/drop-in',
    capacity: 10,
  };
}

/** The person acting afresh: nothing they read earlier in the test is remembered. */
const fresh = <T extends ServiceContext>(person: T): T => ({ ...person, memo: new RequestMemo() });

async function noticesOf(person: TestPerson) {
  const page = await notifications.listNotifications(fresh(person), { first: 50 });
  return (await page.edges()).map((edge) => edge.node);
}

describe.each(DATABASE_KINDS)('reports and moderation on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function cast() {
    const clock = new TestClock(new Date('2026-12-04T09:00:00Z'));
    const person = (name: string) => signedUpPerson(database.db, { name, clock });
    const steward = await person('Sam Steward');
    const second = await person('Sol Second');
    const reporter = await person('Rin Reporter');
    const subject = await person('Sid Subject');
    const member = await person('Mia Member');
    const network = await networkWith(steward, second, reporter, subject, member);
    await memberships.setMemberRole(steward, network.id, second.user.id, 'STEWARD');
    return { clock, steward, second, reporter, subject, member, network, person };
  }

  async function operator(name = 'Ora Operator') {
    const person = await signedUpPerson(database.db, { name });
    await safety.grantOperator(serviceContext(database.db), person.user.email);
    return person;
  }

  it('should send a report about a member to the network’s stewards, with a snapshot, and tell nobody else', async () => {
    const c = await cast();
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'HARASSMENT',
      details: 'Sent me messages after I asked them to stop.',
      anonymous: true,
    });
    expect(report).toMatchObject({
      status: 'OPEN',
      networkId: c.network.id,
      forOperators: false,
      subjectPersonId: c.subject.user.id,
      reporterId: c.reporter.user.id,
      anonymous: true,
    });
    expect(report.snapshot).toMatchObject({ title: 'Sid Subject', path: `/people/${c.subject.user.id}` });

    const queue = await safety.networkReports(fresh(c.steward), c.network.id, 'OPEN', 20, null);
    expect(queue.edges.map((edge) => [edge.node.id, edge.node.reporterId, edge.node.viewerCanResolve])).toEqual([
      [report.id, c.reporter.user.id, true],
    ]);
    expect(await queue.totalCount()).toBe(1);
    for (const steward of [c.steward, c.second]) {
      expect((await noticesOf(steward)).filter((n) => n.kind === 'SAFETY').map((n) => n.title)).toEqual([
        `A report about a member waits in ${c.network.name}`,
      ]);
    }
    // The person reported and other members hear nothing and see no queue.
    for (const outsider of [c.subject, c.member]) {
      expect((await noticesOf(outsider)).filter((n) => n.kind === 'SAFETY')).toEqual([]);
      expect((await caught(safety.networkReports(fresh(outsider), c.network.id, 'OPEN', 20, null))).code).toBe(
        'FORBIDDEN',
      );
      expect(await safety.reportById(fresh(outsider), report.id)).toBeNull();
    }
    // The reporter reads its status, but not what will be done.
    expect(await safety.reportById(fresh(c.reporter), report.id)).toMatchObject({
      id: report.id,
      handledByViewer: false,
    });
  });

  it('should give back the open report when the same person reports the same thing again, and limit reports to 10 an hour', async () => {
    const c = await cast();
    const input = {
      subjectKind: 'PERSON' as const,
      subjectId: c.subject.user.id,
      reason: 'SPAM' as const,
      details: '',
    };
    const first = await safety.reportConcern(c.reporter, input);
    const [again, atOnce] = await Promise.all([
      safety.reportConcern(fresh(c.reporter), input),
      safety.reportConcern(fresh(c.reporter), input),
    ]);
    expect([again.id, atOnce.id]).toEqual([first.id, first.id]);

    const others = [];
    for (let i = 0; i < 9; i += 1) others.push(await c.person(`Other ${i}`));
    for (const other of others) await memberships.joinNetwork(other, c.network.id, true);
    for (const other of others.slice(0, 9)) {
      await safety.reportConcern(fresh(c.reporter), { ...input, subjectId: other.user.id });
    }
    const eleventh = await c.person('Eleventh');
    await memberships.joinNetwork(eleventh, c.network.id, true);
    const refused = await caught(safety.reportConcern(fresh(c.reporter), { ...input, subjectId: eleventh.user.id }));
    expect(refused.code).toBe('RATE_LIMITED');
  });

  it('should name every field at fault, and refuse reporting oneself or someone unseen', async () => {
    const c = await cast();
    const stranger = await c.person('Stan Stranger');
    const refused = await caught(
      safety.reportConcern(c.reporter, {
        subjectKind: 'PERSON',
        subjectId: c.reporter.user.id,
        networkId: 'not-an-id',
        reason: 'OTHER',
        details: '   ',
      }),
    );
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect((refused as unknown as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toEqual([
      'subjectId',
      'networkId',
      'details',
    ]);
    const strangerRefused = await caught(
      safety.reportConcern(fresh(c.reporter), {
        subjectKind: 'PERSON',
        subjectId: stranger.user.id,
        reason: 'SPAM',
        details: 'x',
      }),
    );
    // A stranger's profile is for their networks' members: nothing the reporter can see to report.
    expect(strangerRefused.code).toBe('NOT_FOUND');
  });

  it('should send reports about a network or one of its stewards to the operators only', async () => {
    const c = await cast();
    const ora = await operator();
    const aboutNetwork = await safety.reportConcern(c.member, {
      subjectKind: 'NETWORK',
      subjectId: c.network.id,
      reason: 'UNSAFE',
      details: 'Its code of conduct is ignored.',
    });
    const aboutSteward = await safety.reportConcern(fresh(c.member), {
      subjectKind: 'PERSON',
      subjectId: c.second.user.id,
      reason: 'HARASSMENT',
      details: 'Shouted at me.',
    });
    expect([aboutNetwork.forOperators, aboutSteward.forOperators]).toEqual([true, true]);
    const stewardsQueue = await safety.networkReports(fresh(c.steward), c.network.id, 'OPEN', 20, null);
    expect(stewardsQueue.edges).toEqual([]);
    const operatorsQueue = await safety.operatorReports(fresh(ora), 'OPEN', 20, null);
    const ours = new Set([aboutNetwork.id, aboutSteward.id]);
    expect(operatorsQueue.edges.map((edge) => edge.node.id).filter((id) => ours.has(id))).toEqual([
      aboutNetwork.id,
      aboutSteward.id,
    ]);
    expect((await noticesOf(ora)).map((n) => n.url)).toEqual(['/operator/reports', '/operator/reports']);
    expect((await caught(safety.operatorReports(fresh(c.steward), 'OPEN', 20, null))).code).toBe('FORBIDDEN');
  });

  it('should let only the network’s stewards and operators act, never the person reported', async () => {
    const c = await cast();
    const ora = await operator();
    const elsewhere = await c.person('Eve Elsewhere');
    await networkWith(elsewhere);
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'SPAM',
      details: 'Adverts.',
    });
    for (const refused of [c.member, c.subject, c.reporter, elsewhere]) {
      expect((await caught(safety.resolveReport(fresh(refused), report.id, 'DISMISS', 'No.', null))).code).toBe(
        'NOT_FOUND',
      );
    }
    // Made a steward after being reported: the report stays out of their sight and their hands.
    await memberships.setMemberRole(fresh(c.steward), c.network.id, c.subject.user.id, 'STEWARD');
    expect((await safety.networkReports(fresh(c.subject), c.network.id, 'OPEN', 20, null)).edges).toEqual([]);
    const ownReport = await caught(safety.resolveReport(fresh(c.subject), report.id, 'DISMISS', 'Not me.', null));
    expect(ownReport.code).toBe('NOT_FOUND');
    expect(await safety.reportById(fresh(c.subject), report.id)).toBeNull();
    // An operator may act on any network's report.
    const resolved = await safety.resolveReport(fresh(ora), report.id, 'DISMISS', 'Checked: a misunderstanding.', null);
    expect(resolved).toMatchObject({ status: 'RESOLVED', action: 'DISMISS', resolvedBy: ora.user.id });
  });

  it('should resolve a report once when two stewards act at the same moment', async () => {
    const c = await cast();
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'SPAM',
      details: 'Adverts.',
    });
    const outcomes = await Promise.allSettled([
      safety.resolveReport(fresh(c.steward), report.id, 'WARN', 'Please stop posting adverts.', null),
      safety.resolveReport(fresh(c.second), report.id, 'DISMISS', 'Looks fine.', null),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
    const entries = await audit.entries(serviceContext(database.db), c.network.id, 50, null);
    expect(entries.edges.filter((edge) => edge.node.action === 'REPORT_RESOLVED')).toHaveLength(1);
  });

  it('should warn the person with the note and thank the reporter in general words', async () => {
    const c = await cast();
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'SELLING',
      details: 'Tried to sell me a website.',
    });
    await safety.resolveReport(fresh(c.steward), report.id, 'WARN', 'Hearth is a no-selling space. Please stop.', null);
    const toSubject = (await noticesOf(c.subject)).filter((n) => n.kind === 'SAFETY');
    expect(toSubject.map((n) => [n.title, n.body])).toEqual([
      [`A warning from the stewards of ${c.network.name}`, 'Hearth is a no-selling space. Please stop.'],
    ]);
    expect(JSON.stringify(toSubject)).not.toContain('Rin');
    const toReporter = (await noticesOf(c.reporter)).filter((n) => n.kind === 'SAFETY');
    expect(toReporter.map((n) => n.title)).toEqual([
      `Thank you for your report: the stewards of ${c.network.name} acted on it`,
    ]);
    expect(JSON.stringify(toReporter)).not.toContain('no-selling');
    const [entry] = (await audit.entries(serviceContext(database.db), c.network.id, 1, null)).edges;
    expect(entry!.node).toMatchObject({
      action: 'REPORT_RESOLVED',
      actorId: c.steward.user.id,
      subjectPersonId: c.subject.user.id,
      summary: 'Resolved a report about a member (selling): warned the person',
      reason: 'Hearth is a no-selling space. Please stop.',
    });
  });

  it('should suspend a member until a date, refuse what they take part in, and let them back after', async () => {
    const c = await cast();
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'HARASSMENT',
      details: 'Again.',
    });
    const now = c.clock.now();
    const tooLate = new Date(now.getTime() + 400 * DAY_MS);
    for (const [until, action] of [
      [null, 'SUSPEND'],
      [new Date(now.getTime() - DAY_MS), 'SUSPEND'],
      [tooLate, 'SUSPEND'],
      [new Date(now.getTime() + DAY_MS), 'WARN'],
    ] as const) {
      const refused = await caught(safety.resolveReport(fresh(c.steward), report.id, action, 'Note.', until));
      expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'suspendUntil']);
    }
    const until = new Date(now.getTime() + 14 * DAY_MS);
    await safety.resolveReport(fresh(c.steward), report.id, 'SUSPEND', 'Two weeks away, please.', until);
    const refusal = await caught(memberships.requireGoodStanding(fresh(c.subject), c.network.id));
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toBe('You are suspended from this network until 18 December 2026: Two weeks away, please.');
    const organiserEvent = await caught(
      events.createEvent(fresh(c.subject), { ...eventInput(now), networkId: c.network.id }),
    );
    expect(organiserEvent.code).toBe('FORBIDDEN');
    const back = { ...fresh(c.subject), clock: new TestClock(new Date(until.getTime() + 1000)) };
    await expect(memberships.requireGoodStanding(back, c.network.id)).resolves.toBeUndefined();
    expect((await noticesOf(c.subject)).filter((n) => n.kind === 'SAFETY').map((n) => n.title)).toEqual([
      `You are suspended from ${c.network.name} until 18 December 2026`,
    ]);
  });

  it('should remove a member, who cannot rejoin by themself, and keep the last steward', async () => {
    const c = await cast();
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'UNSAFE',
      details: 'Threats.',
    });
    await safety.resolveReport(fresh(c.steward), report.id, 'REMOVE', 'Threats are not acceptable here.', null);
    expect(await memberships.roleOf(serviceContext(database.db), c.network.id, c.subject.user.id)).toBeNull();
    const rejoin = await caught(memberships.joinNetwork(fresh(c.subject), c.network.id, true));
    expect(rejoin.code).toBe('FORBIDDEN');
  });

  it('should refuse hiding what cannot be hidden, and hide an event for everyone but its organisers', async () => {
    const c = await cast();
    const event = await events.createEvent(fresh(c.second), { ...eventInput(c.clock.now()), networkId: c.network.id });
    const aboutPerson = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'SPAM',
      details: 'x',
    });
    const refused = await caught(safety.resolveReport(fresh(c.steward), aboutPerson.id, 'HIDE', 'Hide.', null));
    expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'action']);

    // The event's organiser is a steward, so the report goes to the operators.
    const ora = await operator();
    const aboutEvent = await safety.reportConcern(fresh(c.reporter), {
      subjectKind: 'EVENT',
      subjectId: event.id,
      reason: 'SELLING',
      details: 'A sales pitch dressed as a workshop.',
    });
    expect(aboutEvent).toMatchObject({ forOperators: true, subjectPersonId: c.second.user.id });
    expect(aboutEvent.snapshot).toMatchObject({ title: event.title, path: `/events/${event.id}` });
    await safety.resolveReport(fresh(ora), aboutEvent.id, 'HIDE', 'Selling breaks the code of conduct.', null);
    expect(await safety.reportById(fresh(c.reporter), aboutEvent.id)).toMatchObject({ status: 'RESOLVED' });
    const told = (await noticesOf(c.second)).filter(
      (n) => n.kind === 'SAFETY' && n.url === `/networks/${c.network.slug}`,
    );
    expect(told.map((n) => [n.title, n.body])).toEqual([
      [`Hearth’s operators hid your event: ${event.title}`, 'Selling breaks the code of conduct.'],
    ]);
  });

  it('should keep the audit trail append-only, and show a deleted actor as a former member', async () => {
    const c = await cast();
    const report = await safety.reportConcern(c.reporter, {
      subjectKind: 'PERSON',
      subjectId: c.subject.user.id,
      reason: 'SPAM',
      details: 'x',
    });
    await safety.resolveReport(fresh(c.second), report.id, 'DISMISS', 'Fine.', null);
    await expect(
      database.db
        .updateTable('audit_log')
        .set({ summary: 'rewritten' })
        .where('network_id', '=', c.network.id)
        .execute(),
    ).rejects.toThrow(/only ever added/);
    await expect(database.db.deleteFrom('audit_log').where('network_id', '=', c.network.id).execute()).rejects.toThrow(
      /only ever added/,
    );
    const page = await safety.networkAuditLog(fresh(c.steward), c.network.id, 20, null);
    expect(page.edges.map((edge) => edge.node.action)).toContain('REPORT_RESOLVED');
    expect((await caught(safety.networkAuditLog(fresh(c.member), c.network.id, 20, null))).code).toBe('FORBIDDEN');
  });

  it('should list, keep once and undo blocks, refusing oneself and nobody', async () => {
    const c = await cast();
    const first = await safety.blockPerson(c.reporter, c.subject.user.id);
    const again = await safety.blockPerson(fresh(c.reporter), c.subject.user.id);
    expect(again.blockedAt).toEqual(first.blockedAt);
    expect(await safety.myBlocks(fresh(c.reporter))).toEqual([
      { personId: c.subject.user.id, blockedAt: first.blockedAt },
    ]);
    expect(await safety.myBlocks(fresh(c.subject))).toEqual([]);
    expect(await safety.isBlockedBetween(serviceContext(database.db), c.subject.user.id, c.reporter.user.id)).toBe(
      true,
    );
    expect((await caught(safety.blockPerson(fresh(c.reporter), c.reporter.user.id))).code).toBe('BAD_USER_INPUT');
    expect((await caught(safety.blockPerson(fresh(c.reporter), crypto.randomUUID()))).code).toBe('NOT_FOUND');
    expect(await safety.unblockPerson(fresh(c.reporter), c.subject.user.id)).toBe(true);
    expect(await safety.unblockPerson(fresh(c.reporter), c.subject.user.id)).toBe(false);
    expect(await safety.myBlocks(fresh(c.reporter))).toEqual([]);
  });
});
