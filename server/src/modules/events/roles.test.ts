import { describe, expect, it } from 'vitest';
import { RequestMemo } from '../../core/context.ts';
import { EVENT_ROLE_VALUES } from '../../db/schema.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, serviceContext, TestClock, type TestPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as events from './service.ts';
import { DAY_MS, eventSetUp, type EventSetUp } from './test-events.ts';

/** A new member of the set-up's network. */
async function member(setUp: EventSetUp, name = 'Mo Member'): Promise<TestPerson> {
  const person = await setUp.person(name);
  await memberships.joinNetwork(person, setUp.networkId, true);
  return person;
}

/** The event's roles as [role, person's id, note], read afresh. */
async function rolesOf(setUp: EventSetUp, eventId = setUp.event.id) {
  const found = await events.rolesOfEvents(serviceContext(setUp.organiser.db), [eventId]);
  return (found.get(eventId) ?? []).map((role) => [role.role, role.userId, role.note]);
}

/** The person acting at a later time (their clock moved on past the event). */
const later = (person: TestPerson, at: Date): TestPerson => ({
  ...person,
  clock: new TestClock(at),
  memo: new RequestMemo(),
});

describe.each(DATABASE_KINDS)('volunteer roles on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should list the same roles in the database as in the schema', () => {
    expect([...EVENT_ROLE_VALUES]).toEqual(['HOST', 'SPEAKER', 'FOOD', 'DOOR', 'OTHER']);
  });

  describe('takeEventRole', () => {
    it('should let a member take a role, and give back the same role when taken twice', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const taken = await events.takeEventRole(mo, setUp.event.id, 'FOOD', '  brings the urn ');
      expect(taken).toMatchObject({
        eventId: setUp.event.id,
        role: 'FOOD',
        userId: mo.user.id,
        note: 'brings the urn',
      });
      const again = await events.takeEventRole(mo, setUp.event.id, 'FOOD', 'something else');
      expect(again).toEqual(taken);
      await events.takeEventRole(mo, setUp.event.id, 'DOOR');
      expect(await rolesOf(setUp)).toEqual([
        ['FOOD', mo.user.id, 'brings the urn'],
        ['DOOR', mo.user.id, ''],
      ]);
    });

    it('should refuse someone not a member, and anyone signed out', async () => {
      const setUp = await eventSetUp(database.db);
      const stranger = await setUp.person('Stan Stranger');
      const refused = await caught(events.takeEventRole(stranger, setUp.event.id, 'HOST'));
      expect(refused.code).toBe('FORBIDDEN');
      const signedOut = await caught(events.takeEventRole(serviceContext(database.db), setUp.event.id, 'HOST'));
      expect(signedOut.code).toBe('UNAUTHENTICATED');
      const missing = await caught(events.takeEventRole(stranger, crypto.randomUUID(), 'HOST'));
      expect(missing.code).toBe('NOT_FOUND');
      expect(await rolesOf(setUp)).toEqual([]);
    });

    it('should name the note when it is too long, or missing for OTHER', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const tooLong = await caught(events.takeEventRole(mo, setUp.event.id, 'FOOD', 'x'.repeat(201)));
      expect([tooLong.code, tooLong.field, tooLong.message]).toEqual([
        'BAD_USER_INPUT',
        'note',
        'Keep the note to 200 characters or fewer.',
      ]);
      const noNote = await caught(events.takeEventRole(mo, setUp.event.id, 'OTHER', '   '));
      expect([noNote.code, noNote.field]).toEqual(['BAD_USER_INPUT', 'note']);
      const other = await events.takeEventRole(mo, setUp.event.id, 'OTHER', 'x'.repeat(200));
      expect(other.note).toHaveLength(200);
    });

    it('should refuse a cancelled event, and an event that is over', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const past = later(mo, new Date(setUp.event.endsAt.getTime() + DAY_MS));
      const over = await caught(events.takeEventRole(past, setUp.event.id, 'HOST'));
      expect(over.code).toBe('CONFLICT');
      await events.cancelEvent(setUp.organiser, setUp.event.id, 'The venue flooded.');
      const cancelled = await caught(events.takeEventRole(mo, setUp.event.id, 'HOST'));
      expect([cancelled.code, cancelled.message]).toEqual([
        'CONFLICT',
        'This event was cancelled, so it has no roles to take.',
      ]);
      expect(await rolesOf(setUp)).toEqual([]);
    });

    it('should keep one role when the same member takes it in several requests at once', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const takes = await Promise.all(
        Array.from({ length: 5 }, () =>
          events.takeEventRole({ ...mo, memo: new RequestMemo() }, setUp.event.id, 'HOST', 'opens up'),
        ),
      );
      expect(new Set(takes.map((taken) => taken.id)).size).toBe(1);
      expect(await rolesOf(setUp)).toEqual([['HOST', mo.user.id, 'opens up']]);
    });
  });

  describe('assignEventRole', () => {
    it('should let an organiser put a member in a role, after the event too', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const assigned = await events.assignEventRole(setUp.organiser, setUp.event.id, {
        role: 'HOST',
        personId: mo.user.id,
        note: null,
      });
      expect(assigned).toMatchObject({ role: 'HOST', userId: mo.user.id, assignedBy: setUp.organiser.user.id });
      const afterwards = later(setUp.organiser, new Date(setUp.event.endsAt.getTime() + 30 * DAY_MS));
      await events.assignEventRole(afterwards, setUp.event.id, { role: 'SPEAKER', personId: mo.user.id });
      expect(await rolesOf(setUp)).toEqual([
        ['HOST', mo.user.id, ''],
        ['SPEAKER', mo.user.id, ''],
      ]);
    });

    it('should let an organiser who is not a steward assign, and refuse members', async () => {
      const setUp = await eventSetUp(database.db);
      const olga = await member(setUp, 'Olga Organiser');
      await memberships.setMemberRole(setUp.organiser, setUp.networkId, olga.user.id, 'ORGANISER');
      const mo = await member(setUp);
      await events.assignEventRole(olga, setUp.event.id, { role: 'DOOR', personId: mo.user.id });
      const refused = await caught(
        events.assignEventRole(mo, setUp.event.id, { role: 'HOST', personId: olga.user.id }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(await rolesOf(setUp)).toEqual([['DOOR', mo.user.id, '']]);
    });

    it('should name personId for someone not a member, and refuse a cancelled event', async () => {
      const setUp = await eventSetUp(database.db);
      const stranger = await setUp.person('Stan Stranger');
      const notMember = await caught(
        events.assignEventRole(setUp.organiser, setUp.event.id, { role: 'HOST', personId: stranger.user.id }),
      );
      expect([notMember.code, notMember.field]).toEqual(['BAD_USER_INPUT', 'personId']);
      const badId = await caught(
        events.assignEventRole(setUp.organiser, setUp.event.id, { role: 'HOST', personId: 'nope' }),
      );
      expect([badId.code, badId.field]).toEqual(['BAD_USER_INPUT', 'personId']);
      const noNote = await caught(
        events.assignEventRole(setUp.organiser, setUp.event.id, { role: 'OTHER', personId: setUp.organiser.user.id }),
      );
      expect([noNote.code, noNote.field]).toEqual(['BAD_USER_INPUT', 'note']);
      await events.cancelEvent(setUp.organiser, setUp.event.id, 'Snow.');
      const cancelled = await caught(
        events.assignEventRole(setUp.organiser, setUp.event.id, { role: 'HOST', personId: setUp.organiser.user.id }),
      );
      expect(cancelled.code).toBe('CONFLICT');
    });
  });

  describe('removeEventRole', () => {
    it('should let a member give up their own role, and not someone else’s', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const ned = await member(setUp, 'Ned Neighbour');
      const mine = await events.takeEventRole(mo, setUp.event.id, 'FOOD');
      const theirs = await events.takeEventRole(ned, setUp.event.id, 'FOOD');
      const refused = await caught(events.removeEventRole(mo, theirs.id));
      expect(refused.code).toBe('FORBIDDEN');
      expect(await events.removeEventRole(mo, mine.id)).toEqual(mine);
      const again = await caught(events.removeEventRole(mo, mine.id));
      expect(again.code).toBe('NOT_FOUND');
      expect(await rolesOf(setUp)).toEqual([['FOOD', ned.user.id, '']]);
    });

    it('should keep a past event’s roles from members, and let organisers remove any', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const food = await events.takeEventRole(mo, setUp.event.id, 'FOOD');
      const door = await events.takeEventRole(mo, setUp.event.id, 'DOOR');
      const after = new Date(setUp.event.endsAt.getTime() + DAY_MS);
      const stepDown = await caught(events.removeEventRole(later(mo, after), food.id));
      expect(stepDown.code).toBe('CONFLICT');
      await events.removeEventRole(setUp.organiser, door.id);
      await events.removeEventRole(later(setUp.organiser, after), food.id);
      expect(await rolesOf(setUp)).toEqual([]);
    });
  });

  describe('eventRolesOfNetwork', () => {
    it('should count each person’s roles at the network’s events since a date, leaving out cancelled ones', async () => {
      const setUp = await eventSetUp(database.db);
      const mo = await member(setUp);
      const second = await events.duplicateEvent(
        setUp.organiser,
        setUp.event.id,
        new Date(setUp.event.startsAt.getTime() + DAY_MS),
      );
      const third = await events.duplicateEvent(
        setUp.organiser,
        setUp.event.id,
        new Date(setUp.event.startsAt.getTime() + 2 * DAY_MS),
      );
      await events.takeEventRole(mo, setUp.event.id, 'HOST');
      await events.takeEventRole(mo, second.id, 'HOST');
      await events.takeEventRole(mo, second.id, 'FOOD');
      await events.takeEventRole(setUp.organiser, second.id, 'SPEAKER');
      await events.takeEventRole(mo, third.id, 'DOOR');
      await events.cancelEvent(setUp.organiser, third.id, 'Moved.');
      const counts = await events.eventRolesOfNetwork(setUp.organiser, setUp.networkId, setUp.clock.now());
      expect(counts).toEqual([
        { userId: mo.user.id, total: 3, byRole: { HOST: 2, FOOD: 1 } },
        { userId: setUp.organiser.user.id, total: 1, byRole: { SPEAKER: 1 } },
      ]);
      const sinceSecond = await events.eventRolesOfNetwork(setUp.organiser, setUp.networkId, second.startsAt);
      expect(sinceSecond.map((row) => [row.userId, row.total])).toEqual([
        [mo.user.id, 2],
        [setUp.organiser.user.id, 1],
      ]);
    });
  });
});
