import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { TEST_PASSWORD } from '../../testing/factories.ts';
import * as people from '../people/service.ts';
import * as events from './service.ts';
import { eventSetUp, registered } from './test-events.ts';

describe.each(DATABASE_KINDS)('events when an account is deleted, on %s', (kind) => {
  const database = useTestDatabase(kind);

  const statusesOf = async (registrationIds: readonly string[]) =>
    (
      await database.db
        .selectFrom('registrations')
        .select(['id', 'status'])
        .where('id', 'in', registrationIds)
        .execute()
    ).reduce<Record<string, string>>((byId, row) => ({ ...byId, [row.id]: row.status }), {});

  it('should pass a deleted seat holder’s seat to the first person waiting, and keep the line', async () => {
    const setUp = await eventSetUp(database.db, { capacity: 1 });
    const [holder, first, second] = await registered(setUp, 3);
    expect(holder!.registration.status).toBe('CONFIRMED');

    expect(await people.deleteMyAccount(holder!.person, TEST_PASSWORD)).toBe(true);

    expect(await statusesOf([first!.registration.id, second!.registration.id])).toEqual({
      [first!.registration.id]: 'CONFIRMED',
      [second!.registration.id]: 'WAITLISTED',
    });
    const event = await events.eventById(setUp.organiser, setUp.event.id);
    expect(events.seatsLeft(event)).toBe(0);
    const notified = await database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'EVENTS')
      .where('user_id', 'in', [first!.person.viewer!.userId, second!.person.viewer!.userId])
      .execute();
    expect(notified.map((row) => row.user_id)).toEqual([first!.person.viewer!.userId]);
  });

  it('should take a deleted person off the waiting list without moving anyone past another', async () => {
    const setUp = await eventSetUp(database.db, { capacity: 1 });
    const [holder, leaving, staying] = await registered(setUp, 3);
    expect(await people.deleteMyAccount(leaving!.person, TEST_PASSWORD)).toBe(true);
    expect(await statusesOf([holder!.registration.id, staying!.registration.id])).toEqual({
      [holder!.registration.id]: 'CONFIRMED',
      [staying!.registration.id]: 'WAITLISTED',
    });
    const stayingNow = (await events.myRegistrations(staying!.person, [setUp.event.id])).get(setUp.event.id);
    expect(stayingNow?.waitlistPosition).toBe(1);
  });
});
