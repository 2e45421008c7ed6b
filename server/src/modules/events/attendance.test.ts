import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as events from './service.ts';
import { DAY_MS, eventSetUp, registered } from './test-events.ts';

describe.each(DATABASE_KINDS)('attendance on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should mark the seat holders not checked in as not come, once the event has started', async () => {
    const setUp = await eventSetUp(database.db, { capacity: 3 });
    const { organiser, event, clock } = setUp;
    const [came, missed, late, waiting] = await registered(setUp, 4);
    expect(waiting!.registration.status).toBe('WAITLISTED');

    const early = await caught(events.recordNoShows(organiser, event.id));
    expect([early.code, early.message]).toEqual([
      'CONFLICT',
      'The event has not started yet: mark who did not come once it has.',
    ]);

    clock.advance(7 * DAY_MS + 30 * 60 * 1000);
    await events.checkIn(organiser, came!.registration.id);
    const recorded = await events.recordNoShows(organiser, event.id);
    expect(recorded.marked).toBe(2);
    const statusOf = async (id: string) => (await events.visibleRegistration(organiser, id)).registration.status;
    expect(await Promise.all([came, missed, late, waiting].map((person) => statusOf(person!.registration.id)))).toEqual(
      ['ATTENDED', 'NO_SHOW', 'NO_SHOW', 'WAITLISTED'],
    );
    expect((await events.recordNoShows(organiser, event.id)).marked).toBe(0);

    // Someone marked as not come who turns up late is checked in; the seats stay as counted.
    expect((await events.checkIn(organiser, late!.registration.id)).status).toBe('ATTENDED');
    const after = await events.eventById(organiser, event.id);
    expect([after.seatsTaken, after.waiting]).toEqual([3, 1]);
  });

  it('should take back a check-in made by mistake, for organisers only', async () => {
    const setUp = await eventSetUp(database.db);
    const { organiser, event, networkId } = setUp;
    const [person] = await registered(setUp, 1);
    const id = person!.registration.id;
    await events.checkIn(organiser, id);

    const own = await caught(events.undoCheckIn(person!.person, id));
    expect(own.code).toBe('FORBIDDEN');
    const undone = await events.undoCheckIn(organiser, id);
    expect([undone.status, undone.checkedInAt]).toEqual(['CONFIRMED', null]);
    expect((await events.undoCheckIn(organiser, id)).status).toBe('CONFIRMED');

    const member = await setUp.person('Mo Member');
    await memberships.joinNetwork(member, networkId, true);
    expect((await caught(events.undoCheckIn(member, id))).code).toBe('NOT_FOUND');
    expect((await caught(events.recordNoShows(member, event.id))).code).toBe('FORBIDDEN');
  });

  it('should let organisers write up an event once it has started, and no one else', async () => {
    const setUp = await eventSetUp(database.db);
    const { organiser, event, clock, networkId } = setUp;
    const early = await caught(events.writeUpEvent(organiser, event.id, 'Too soon'));
    expect([early.code, early.message]).toEqual(['CONFLICT', 'Write it up once the event has started.']);

    clock.advance(8 * DAY_MS);
    const written = await events.writeUpEvent(organiser, event.id, '  Twelve came.\r\nWe fixed two Mailchimp forms.  ');
    expect([written.writeUp, written.writtenUpAt]).toEqual([
      'Twelve came.\nWe fixed two Mailchimp forms.',
      clock.now(),
    ]);

    const tooLong = await caught(events.writeUpEvent(organiser, event.id, 'x'.repeat(3001)));
    expect([tooLong.code, tooLong.field]).toEqual(['BAD_USER_INPUT', 'writeUp']);
    const member = await setUp.person('Mo Member');
    await memberships.joinNetwork(member, networkId, true);
    expect((await caught(events.writeUpEvent(member, event.id, 'Mine'))).code).toBe('FORBIDDEN');

    const cleared = await events.writeUpEvent(organiser, event.id, '');
    expect([cleared.writeUp, cleared.writtenUpAt]).toEqual(['', null]);
  });
});
