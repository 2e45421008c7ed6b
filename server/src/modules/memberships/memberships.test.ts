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
} from '../../testing/factories.ts';
import * as memberships from './service.ts';
import * as networks from '../networks/service.ts';

describe.each(DATABASE_KINDS)('memberships service on %s', (kind) => {
  const database = useTestDatabase(kind);

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
});
