import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  activeStewards,
  caught,
  networkWith,
  roleIn,
  serviceContext,
  signedUpPerson,
  startedNetwork,
  TestClock,
} from '../../testing/factories.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { InputErrors } from '../../core/errors.ts';
import * as audit from '../audit/service.ts';
import * as notifications from '../notifications/service.ts';
import * as safety from '../safety/service.ts';
import * as memberships from './service.ts';
import * as networks from '../networks/service.ts';

const id = (person: ServiceContext) => person.viewer!.userId;
const DAY_MS = 86_400_000;

/** The notifications a person has, newest first, as [kind, title, body, url]. */
async function noticesOf(person: ServiceContext) {
  const page = await notifications.listNotifications(person, {});
  return (await page.edges()).map(({ node }) => [node.kind, node.title, node.body, node.url]);
}

/** The network's audit trail, newest first, as [action, actor, subject, summary, reason]. */
async function auditOf(person: ServiceContext, networkId: string) {
  const page = await audit.entries(person, networkId, 20, null);
  return page.edges.map(({ node }) => [node.action, node.actorId, node.subjectPersonId, node.summary, node.reason]);
}

const EVERYONE = { role: null, personMatches: null, after: null, limit: 20 } as const;

/** The ids of the members the viewer sees in the network's list. */
async function memberIdsSeenBy(viewer: ServiceContext, networkId: string) {
  const { pages, totals } = await memberships.memberPages(viewer, [networkId], EVERYONE);
  const page = pages.get(networkId);
  if (!Array.isArray(page)) throw page;
  return { ids: page.map((row) => row.userId).sort(), total: (await totals()).get(networkId) ?? 0 };
}

describe.each(DATABASE_KINDS)('memberships service on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** A network that asks to join, its steward, and an organiser. */
  async function askingNetwork() {
    const steward = await signedUpPerson(database.db, { name: 'Sara Steward' });
    const organiser = await signedUpPerson(database.db, { name: 'Olu Organiser' });
    const started = await startedNetwork(steward);
    await memberships.joinNetwork(organiser, started.id, true);
    await memberships.setMemberRole(steward, started.id, id(organiser), 'ORGANISER');
    const network = await networks.updateNetwork(steward, started.id, { joinPolicy: 'ASK_TO_JOIN' });
    return { steward, organiser, network };
  }

  describe('joining, leaving and roles', () => {
    it('should join only with the code of conduct accepted, recording its version', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await startedNetwork(steward);
      expect((await caught(memberships.joinNetwork(member, network.id, false))).field).toBe('acceptCodeOfConduct');
      await networks.updateNetwork(steward, network.id, { codeOfConduct: 'Be kind, version two.' });
      await memberships.joinNetwork(member, network.id, true);
      const row = await database.db
        .selectFrom('memberships')
        .select(['role', 'code_of_conduct_version'])
        .where('network_id', '=', network.id)
        .where('user_id', '=', member.viewer!.userId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ role: 'MEMBER', code_of_conduct_version: 2 });
      expect((await caught(memberships.joinNetwork(member, network.id, true))).code).toBe('CONFLICT');
    });

    it('should let a member leave and rejoin, and refuse the last steward leaving', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await startedNetwork(steward);
      await memberships.joinNetwork(member, network.id, true);
      expect(await memberships.leaveNetwork(member, network.id)).toBe(true);
      expect(await roleIn(member, network.id)).toBeNull();
      await memberships.joinNetwork(member, network.id, true);
      expect(await roleIn(member, network.id)).toBe('MEMBER');
      const error = await caught(memberships.leaveNetwork(steward, network.id));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('at least one steward');
    });

    it('should let only stewards set roles, and only in their own network', async () => {
      const stewardA = await signedUpPerson(database.db);
      const stewardB = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const networkA = await networkWith(stewardA, member);
      const networkB = await startedNetwork(stewardB);
      expect(
        (await caught(memberships.setMemberRole(member, networkA.id, member.viewer!.userId, 'STEWARD'))).code,
      ).toBe('FORBIDDEN');
      expect(
        (await caught(memberships.setMemberRole(stewardB, networkA.id, member.viewer!.userId, 'ORGANISER'))).code,
      ).toBe('FORBIDDEN');
      expect(
        (await caught(memberships.setMemberRole(stewardA, networkB.id, stewardB.viewer!.userId, 'MEMBER'))).code,
      ).toBe('FORBIDDEN');
      await memberships.setMemberRole(stewardA, networkA.id, member.viewer!.userId, 'ORGANISER');
      expect(await roleIn(member, networkA.id)).toBe('ORGANISER');
      expect((await caught(memberships.setMemberRole(stewardA, networkA.id, 'not-a-uuid', 'MEMBER'))).code).toBe(
        'NOT_FOUND',
      );
      expect((await caught(networks.updateNetwork(member, networkA.id, { name: 'Taken over' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await caught(memberships.joinNetwork(member, 'not-a-uuid', true))).code).toBe('NOT_FOUND');
    });

    it('should keep at least one steward when two stewards demote each other at once', async () => {
      const first = await signedUpPerson(database.db);
      const second = await signedUpPerson(database.db);
      const network = await networkWith(first, second);
      await memberships.setMemberRole(first, network.id, second.viewer!.userId, 'STEWARD');
      const results = await Promise.allSettled([
        memberships.setMemberRole(first, network.id, second.viewer!.userId, 'MEMBER'),
        memberships.setMemberRole(second, network.id, first.viewer!.userId, 'MEMBER'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await activeStewards(database.db, network.id)).toHaveLength(1);
    });
  });

  describe('myMemberships', () => {
    it("should list the viewer's current networks by name, with their role, and none they left", async () => {
      const steward = await signedUpPerson(database.db);
      const me = await signedUpPerson(database.db);
      const tag = crypto.randomUUID().slice(0, 6);
      const zeal = await startedNetwork(steward, { name: `Zeal ${tag}` });
      const apex = await startedNetwork(me, { name: `apex ${tag}` });
      const gone = await startedNetwork(steward, { name: `Gone ${tag}` });
      for (const network of [zeal, gone]) await memberships.joinNetwork(me, network.id, true);
      await memberships.leaveNetwork(me, gone.id);
      const mine = await memberships.myMemberships(me);
      expect(mine.map((m) => [m.network.name, m.role])).toEqual([
        [`apex ${tag}`, 'STEWARD'],
        [`Zeal ${tag}`, 'MEMBER'],
      ]);
      expect(mine[0]!.joinedAt).toBeInstanceOf(Date);
      expect(await memberships.myMemberships(await signedUpPerson(database.db))).toEqual([]);
      expect((await caught(memberships.myMemberships(serviceContext(database.db)))).code).toBe('UNAUTHENTICATED');
      expect(apex.id).toBe(mine[0]!.network.id);
    });
  });

  describe('join policy and requests to join', () => {
    it('should refuse joining a network that asks to join, and asking to join an open one', async () => {
      const { network } = await askingNetwork();
      const newcomer = await signedUpPerson(database.db);
      const refused = await caught(memberships.joinNetwork(newcomer, network.id, true));
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toContain('ask to join');
      const open = await startedNetwork(await signedUpPerson(database.db));
      const asked = await caught(memberships.askToJoin(newcomer, open.id, 'Hello', true));
      expect(asked.code).toBe('CONFLICT');
      expect(asked.message).toContain('join it directly');
      expect(await roleIn(newcomer, network.id)).toBeNull();
    });

    it('should check the line about yourself and the code of conduct together, naming each field', async () => {
      const { network } = await askingNetwork();
      const newcomer = await signedUpPerson(database.db);
      const both = await caught(memberships.askToJoin(newcomer, network.id, '   ', false));
      expect(both).toBeInstanceOf(InputErrors);
      expect((both as InputErrors).problems.map((problem) => problem.field)).toEqual(['about', 'acceptCodeOfConduct']);
      const long = await caught(memberships.askToJoin(newcomer, network.id, 'x'.repeat(501), true));
      expect([long.code, long.field]).toEqual(['BAD_USER_INPUT', 'about']);
      expect(await memberships.askToJoin(newcomer, network.id, 'x'.repeat(500), true)).toMatchObject({
        status: 'PENDING',
      });
    });

    it('should keep a request waiting, grant nothing meanwhile, and tell the stewards and organisers', async () => {
      const { steward, organiser, network } = await askingNetwork();
      const member = await signedUpPerson(database.db);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'OPEN' });
      await memberships.joinNetwork(member, network.id, true);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'ASK_TO_JOIN' });
      const newcomer = await signedUpPerson(database.db, { name: 'Nia Newcomer' });
      const request = await memberships.askToJoin(newcomer, network.id, '  I run IT at a food bank.  ', true);
      expect(request).toMatchObject({
        networkId: network.id,
        userId: id(newcomer),
        about: 'I run IT at a food bank.',
        status: 'PENDING',
        codeOfConductVersion: 1,
        answeredAt: null,
      });
      const again = await caught(memberships.askToJoin(newcomer, network.id, 'Me again', true));
      expect([again.code, again.message]).toEqual([
        'CONFLICT',
        'Your request to join this network is already waiting for its stewards.',
      ]);
      expect((await caught(memberships.askToJoin(member, network.id, 'Hi', true))).code).toBe('CONFLICT');

      // Until answered, the newcomer is no member: no role, no member list.
      expect(await roleIn(newcomer, network.id)).toBeNull();
      expect((await memberships.viewerStatuses(newcomer, [network.id])).get(network.id)).toBe('PENDING');
      expect((await memberships.viewerJoinRequests(newcomer, [network.id])).get(network.id)?.id).toBe(request.id);
      const { pages } = await memberships.memberPages(newcomer, [network.id], EVERYONE);
      expect((pages.get(network.id) as Error & { code: string }).code).toBe('FORBIDDEN');
      expect((await caught(memberships.setEventAlerts(newcomer, network.id, true))).code).toBe('FORBIDDEN');

      const told = [
        'NEW_MEMBER',
        `Nia Newcomer asked to join ${network.name}`,
        '',
        `/networks/${network.slug}/join-requests`,
      ];
      expect(await noticesOf(steward)).toContainEqual(told);
      expect(await noticesOf(organiser)).toContainEqual(told);
      expect((await noticesOf(member)).map((notice) => notice[1])).not.toContain(told[1]);
    });

    it('should let only stewards and organisers list waiting requests, oldest first, page by page', async () => {
      const { steward, organiser, network } = await askingNetwork();
      const member = await signedUpPerson(database.db);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'OPEN' });
      await memberships.joinNetwork(member, network.id, true);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'ASK_TO_JOIN' });
      const askers = [];
      for (let i = 0; i < 3; i++) {
        const asker = await signedUpPerson(database.db, { ticking: true });
        await memberships.askToJoin(asker, network.id, `Asker ${i}`, true);
        askers.push(asker);
      }
      await memberships.withdrawJoinRequest(
        askers[1]!,
        (await memberships.viewerJoinRequests(askers[1]!, [network.id])).get(network.id)!.id,
      );
      const first = (await memberships.joinRequestPages(organiser, [network.id], { first: 1 })).get(network.id);
      if (!first || first instanceof Error) throw new Error('expected a page');
      expect(first.edges.map((edge) => edge.node.about)).toEqual(['Asker 0']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(await first.totalCount()).toBe(2);
      const next = (
        await memberships.joinRequestPages(steward, [network.id], { first: 1, after: first.pageInfo.endCursor })
      ).get(network.id);
      if (!next || next instanceof Error) throw new Error('expected a page');
      expect(next.edges.map((edge) => edge.node.about)).toEqual(['Asker 2']);
      expect(next.pageInfo.hasNextPage).toBe(false);
      const refused = (await memberships.joinRequestPages(member, [network.id], {})).get(network.id);
      expect((refused as Error & { code: string }).code).toBe('FORBIDDEN');
      expect((await memberships.pendingJoinRequestCounts(steward, [network.id])).get(network.id)).toBe(2);
      expect((await memberships.pendingJoinRequestCounts(member, [network.id])).get(network.id)).toBeNull();
      expect((await caught(memberships.joinRequestPages(steward, [network.id], { after: 'nonsense' }))).field).toBe(
        'after',
      );
    });

    it('should let stewards and organisers of that network only answer, once, telling the person and the audit trail', async () => {
      const { steward, organiser, network } = await askingNetwork();
      const other = await signedUpPerson(database.db);
      await startedNetwork(other);
      const member = await signedUpPerson(database.db);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'OPEN' });
      await memberships.joinNetwork(member, network.id, true);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'ASK_TO_JOIN' });
      const newcomer = await signedUpPerson(database.db);
      const request = await memberships.askToJoin(newcomer, network.id, 'Digital lead at a hospice.', true);
      // The code of conduct changes while the request waits: they accepted version 1.
      await networks.updateNetwork(steward, network.id, { codeOfConduct: 'Be kind, version two.' });

      for (const refused of [member, other, newcomer]) {
        expect((await caught(memberships.answerJoinRequest(refused, request.id, true, null))).code).toBe('FORBIDDEN');
      }
      expect((await caught(memberships.answerJoinRequest(steward, 'not-a-uuid', true, null))).code).toBe('NOT_FOUND');
      const approved = await memberships.answerJoinRequest(organiser, request.id, true, '  Welcome in!  ');
      expect(approved).toMatchObject({ status: 'APPROVED', answerNote: 'Welcome in!', answeredBy: id(organiser) });
      expect(approved.answeredAt).toBeInstanceOf(Date);
      const again = await caught(memberships.answerJoinRequest(steward, request.id, false, null));
      expect(again.code).toBe('CONFLICT');

      expect(await roleIn(newcomer, network.id)).toBe('MEMBER');
      const row = await database.db
        .selectFrom('memberships')
        .select('code_of_conduct_version')
        .where('network_id', '=', network.id)
        .where('user_id', '=', id(newcomer))
        .executeTakeFirstOrThrow();
      expect(row.code_of_conduct_version).toBe(1);
      expect((await memberships.viewerStatuses(newcomer, [network.id])).get(network.id)).toBe('ACTIVE');
      expect((await noticesOf(newcomer))[0]).toEqual([
        'ROLE_CHANGED',
        `You are now a member of ${network.name}`,
        'Welcome in!',
        `/networks/${network.slug}`,
      ]);
      const answered = (await auditOf(steward, network.id)).filter(([action]) => action === 'JOIN_REQUEST_ANSWERED');
      expect(answered).toEqual([
        ['JOIN_REQUEST_ANSWERED', id(organiser), id(newcomer), 'Approved a request to join', 'Welcome in!'],
      ]);
    });

    it('should decline without a membership, telling the person with the note', async () => {
      const { steward, network } = await askingNetwork();
      const newcomer = await signedUpPerson(database.db);
      const request = await memberships.askToJoin(newcomer, network.id, 'I sell CRMs.', true);
      const declined = await memberships.answerJoinRequest(steward, request.id, false, 'We do not take sellers.');
      expect(declined.status).toBe('DECLINED');
      expect(await roleIn(newcomer, network.id)).toBeNull();
      expect((await memberships.viewerStatuses(newcomer, [network.id])).has(network.id)).toBe(false);
      expect((await memberships.viewerJoinRequests(newcomer, [network.id])).get(network.id)?.status).toBe('DECLINED');
      expect((await noticesOf(newcomer))[0]).toEqual([
        'ROLE_CHANGED',
        `Your request to join ${network.name} was declined`,
        'We do not take sellers.',
        `/networks/${network.slug}`,
      ]);
      expect((await auditOf(steward, network.id)).filter(([action]) => action === 'JOIN_REQUEST_ANSWERED')).toEqual([
        ['JOIN_REQUEST_ANSWERED', id(steward), id(newcomer), 'Declined a request to join', 'We do not take sellers.'],
      ]);
      // Declined, they may ask again.
      expect((await memberships.askToJoin(newcomer, network.id, 'I stopped selling.', true)).status).toBe('PENDING');
    });

    it('should give one winner when two answers arrive at once', async () => {
      const { steward, organiser, network } = await askingNetwork();
      const newcomer = await signedUpPerson(database.db);
      const request = await memberships.askToJoin(newcomer, network.id, 'Hello both.', true);
      const results = await Promise.allSettled([
        memberships.answerJoinRequest(steward, request.id, true, null),
        memberships.answerJoinRequest(organiser, request.id, false, 'No.'),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason.code).toBe('CONFLICT');
      const answers = (await auditOf(steward, network.id)).filter(([action]) => action === 'JOIN_REQUEST_ANSWERED');
      expect(answers).toHaveLength(1);
      const won = (
        results.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<{ status: string }>
      ).value;
      expect(await roleIn(newcomer, network.id)).toBe(won.status === 'APPROVED' ? 'MEMBER' : null);
    });

    it('should let a person withdraw only their own waiting request', async () => {
      const { steward, network } = await askingNetwork();
      const newcomer = await signedUpPerson(database.db);
      const request = await memberships.askToJoin(newcomer, network.id, 'Hello.', true);
      expect((await caught(memberships.withdrawJoinRequest(steward, request.id))).code).toBe('NOT_FOUND');
      expect((await memberships.withdrawJoinRequest(newcomer, request.id)).status).toBe('WITHDRAWN');
      expect((await caught(memberships.withdrawJoinRequest(newcomer, request.id))).code).toBe('CONFLICT');
      expect((await caught(memberships.answerJoinRequest(steward, request.id, true, null))).code).toBe('CONFLICT');
      expect(await roleIn(newcomer, network.id)).toBeNull();
    });

    it('should refuse a removed person joining or asking again', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await networkWith(steward, member);
      await transaction(steward, (tx) => memberships.removeMember(tx, network.id, id(member)));
      const join = await caught(memberships.joinNetwork(member, network.id, true));
      expect([join.code, join.message]).toEqual([
        'FORBIDDEN',
        'The stewards of this network removed you from it, so you cannot join it again.',
      ]);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'ASK_TO_JOIN' });
      expect((await caught(memberships.askToJoin(member, network.id, 'Sorry.', true))).code).toBe('FORBIDDEN');
      // Leaving by oneself is not being removed.
      const leaver = await signedUpPerson(database.db);
      const open = await networkWith(steward, leaver);
      await memberships.leaveNetwork(leaver, open.id);
      await memberships.joinNetwork(leaver, open.id, true);
      expect(await roleIn(leaver, open.id)).toBe('MEMBER');
    });
  });

  describe('standing', () => {
    it('should show a suspended member their suspension, and stewards and organisers alone who is suspended', async () => {
      const { steward, organiser, network } = await askingNetwork();
      const member = await signedUpPerson(database.db);
      const other = await signedUpPerson(database.db);
      await networks.updateNetwork(steward, network.id, { joinPolicy: 'OPEN' });
      for (const person of [member, other]) await memberships.joinNetwork(person, network.id, true);
      const until = new Date(member.clock.now().getTime() + 7 * DAY_MS);
      await memberships.suspendMember(steward, { networkId: network.id, userId: id(member), until, note: 'Cool off.' });

      const [own] = await memberships.myMemberships(member);
      expect(own).toMatchObject({ status: 'SUSPENDED', suspendedUntil: until, suspensionNote: 'Cool off.' });
      expect(await memberships.setEventAlerts(member, network.id, true)).toMatchObject({ status: 'SUSPENDED' });
      expect((await memberships.viewerStatuses(member, [network.id])).get(network.id)).toBe('SUSPENDED');
      expect((await memberships.viewerStatuses(other, [network.id])).get(network.id)).toBe('ACTIVE');
      expect((await memberships.myMemberships(other))[0]).toMatchObject({
        status: 'ACTIVE',
        suspendedUntil: null,
        suspensionNote: null,
      });

      const rows = await memberships.membersByPair(steward, [
        { networkId: network.id, userId: id(member) },
        { networkId: network.id, userId: id(other) },
      ]);
      const members = rows as memberships.MemberRow[];
      expect(await memberships.memberStandings(steward, members)).toEqual([
        { status: 'SUSPENDED', suspendedUntil: until },
        { status: 'ACTIVE', suspendedUntil: null },
      ]);
      expect((await memberships.memberStandings(organiser, members))[0]?.status).toBe('SUSPENDED');
      expect(await memberships.memberStandings(other, members)).toEqual([null, null]);

      // Once the date passes, they are a member in good standing again.
      (member.clock as TestClock).advance(8 * DAY_MS);
      expect((await memberships.myMemberships(member))[0]).toMatchObject({ status: 'ACTIVE', suspendedUntil: null });
    });
  });

  describe('blocking in member lists', () => {
    it('should hide two people from each other when one blocks the other, and from no one else', async () => {
      const steward = await signedUpPerson(database.db);
      const a = await signedUpPerson(database.db);
      const b = await signedUpPerson(database.db);
      const c = await signedUpPerson(database.db);
      const network = await networkWith(steward, a, b, c);
      await safety.blockPerson(a, id(b));

      const seenByA = await memberIdsSeenBy(a, network.id);
      expect(seenByA.ids).toEqual([id(steward), id(a), id(c)].sort());
      expect(seenByA.total).toBe(3);
      expect((await memberIdsSeenBy(b, network.id)).ids).toEqual([id(steward), id(b), id(c)].sort());
      const seenByC = await memberIdsSeenBy(c, network.id);
      expect(seenByC.ids).toEqual([id(steward), id(a), id(b), id(c)].sort());
      expect(seenByC.total).toBe(4);

      expect(await memberships.membersByPair(a, [{ networkId: network.id, userId: id(b) }])).toEqual([null]);
      expect(await memberships.membersByPair(b, [{ networkId: network.id, userId: id(a) }])).toEqual([null]);
      expect((await memberships.membersByPair(c, [{ networkId: network.id, userId: id(a) }]))[0]).toMatchObject({
        userId: id(a),
      });

      await safety.unblockPerson(a, id(b));
      expect((await memberIdsSeenBy(b, network.id)).ids).toContain(id(a));
    });
  });

  describe('audit trail', () => {
    it('should record each role change once, with who changed whose role, and nothing for no change', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await networkWith(steward, member);
      await memberships.setMemberRole(steward, network.id, id(member), 'ORGANISER');
      await memberships.setMemberRole(steward, network.id, id(member), 'ORGANISER');
      expect(await auditOf(steward, network.id)).toEqual([
        ['ROLE_CHANGED', id(steward), id(member), "Changed a member's role from member to organiser", null],
      ]);
    });
  });
});
