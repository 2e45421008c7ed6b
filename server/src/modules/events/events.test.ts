import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, nodesOf, serviceContext, startedNetwork } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as notifications from '../notifications/service.ts';
import * as venues from '../venues/service.ts';
import * as events from './service.ts';
import { DAY_MS, eventInput, eventSetUp, registered } from './test-events.ts';

const titlesOf = async (person: Parameters<typeof notifications.listNotifications>[0]) =>
  (await (await notifications.listNotifications(person, {})).edges()).map((edge) => edge.node.title);

describe.each(DATABASE_KINDS)('events on %s', (kind) => {
  const database = useTestDatabase(kind);

  describe('createEvent', () => {
    it('should make an event for the network’s organisers and stewards, with defaults filled in', async () => {
      const { event, organiser, networkId, clock, person } = await eventSetUp(database.db, {
        title: '  Digital   drop-in ',
        timeZone: 'europe/london',
        categories: ['QUICK_TIP', 'QUICK_TIP', 'HANDS_ON_SUPPORT'],
        questions: [{ prompt: 'What will you bring?', required: true }],
      });
      expect(event).toMatchObject({
        networkId,
        title: 'Digital drop-in',
        format: 'WORKSHOP',
        timeZone: 'Europe/London',
        onlineUrl: 'https://meet.example.org/drop-in',
        capacity: 10,
        promotion: 'AUTO_CONFIRM',
        claimHours: null,
        categories: ['QUICK_TIP', 'HANDS_ON_SUPPORT'],
        seatsTaken: 0,
        waiting: 0,
        createdBy: organiser.user.id,
        cancelledAt: null,
      });
      expect(event.questions).toEqual([{ id: expect.any(String), prompt: 'What will you bring?', required: true }]);
      expect(await events.eventById(serviceContext(database.db), event.id)).toEqual(event);

      // An organiser (not a steward) may too; a member may not.
      const member = await person('Mo Member');
      await memberships.joinNetwork(member, networkId, true);
      const refused = await caught(events.createEvent(member, { ...eventInput(clock.now()), networkId }));
      expect(refused.code).toBe('FORBIDDEN');
      await memberships.setMemberRole(organiser, networkId, member.user.id, 'ORGANISER');
      expect((await events.createEvent(member, { ...eventInput(clock.now()), networkId })).createdBy).toBe(
        member.user.id,
      );
      expect(
        (await caught(events.createEvent(serviceContext(database.db), { ...eventInput(clock.now()), networkId }))).code,
      ).toBe('UNAUTHENTICATED');
    });

    it('should refuse bad input, naming every field at fault', async () => {
      const { organiser, networkId, clock } = await eventSetUp(database.db);
      const now = clock.now();
      const attempt = (overrides: Partial<events.EventInput>) =>
        caught(events.createEvent(organiser, { ...eventInput(now, overrides), networkId }));

      const endBeforeStart = await attempt({ endsAt: new Date(now.getTime() + 6 * DAY_MS) });
      expect([endBeforeStart.code, endBeforeStart.field, endBeforeStart.message]).toEqual([
        'BAD_USER_INPUT',
        'endsAt',
        'The end is before the start. Choose an end after the start.',
      ]);
      for (const capacity of [0, 100_000, 2.5]) {
        const refused = await attempt({ capacity });
        expect([refused.field, refused.message]).toEqual(['capacity', 'Give a capacity from 1 to 5,000 people.']);
      }
      for (const timeZone of ['Mars/Olympus_Mons', '+01:00', '']) {
        expect((await attempt({ timeZone })).field).toBe('timeZone');
      }
      const past = await attempt({
        startsAt: new Date(now.getTime() - DAY_MS),
        endsAt: new Date(now.getTime() + 1000),
      });
      expect([past.field, past.message]).toEqual([
        'startsAt',
        'The start is in the past. Choose a date and time to come.',
      ]);
      expect((await attempt({ onlineUrl: 'javascript:alert(1)' })).field).toBe('onlineUrl');
      expect((await attempt({ onlineUrl: null })).field).toBe('venueId');
      expect((await attempt({ venueId: crypto.randomUUID() })).field).toBe('venueId');
      expect((await attempt({ promotion: 'CLAIM_WITHIN_HOURS', claimHours: 0 })).field).toBe('claimHours');
      expect((await attempt({ questions: Array.from({ length: 11 }, () => ({ prompt: 'Why?' })) })).field).toBe(
        'questions',
      );

      const several = await attempt({ title: ' ', capacity: 0, timeZone: 'Nowhere/Else' });
      expect(several.code).toBe('BAD_USER_INPUT');
      expect('problems' in several && (several.problems as Array<{ field: string }>).map((p) => p.field)).toEqual([
        'title',
        'timeZone',
        'capacity',
      ]);
    });

    it('should take a venue only from the network’s own directory', async () => {
      const { organiser, networkId, clock } = await eventSetUp(database.db);
      const venue = await venues.addVenue(organiser, networkId, {
        name: 'The Old Library',
        address: '1 High Street',
        stepFreeAccess: true,
        accessibleToilet: true,
        hearingLoop: false,
        quietRoom: true,
        cost: 'FREE',
      });
      const atVenue = await events.createEvent(organiser, {
        ...eventInput(clock.now(), { venueId: venue.id, onlineUrl: null }),
        networkId,
      });
      expect([atVenue.venueId, atVenue.onlineUrl]).toEqual([venue.id, null]);

      const other = await startedNetwork(organiser);
      const elsewhere = await caught(
        events.createEvent(organiser, { ...eventInput(clock.now(), { venueId: venue.id }), networkId: other.id }),
      );
      expect([elsewhere.field, elsewhere.message]).toEqual([
        'venueId',
        'Choose a venue from this network’s directory.',
      ]);
    });
  });

  describe('updateEvent', () => {
    it('should change what is given, keep the rest, and tell people of a new time or place', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const [holder, waiter] = await registered(setUp, 2);
      const cancelledOne = (await registered(setUp, 1))[0]!;
      await events.cancelRegistration(cancelledOne.person, cancelledOne.registration.id);

      const retitled = await events.updateEvent(setUp.organiser, setUp.event.id, { title: 'Drop-in', capacity: null });
      expect([retitled.title, retitled.capacity, retitled.onlineUrl]).toEqual(['Drop-in', 1, setUp.event.onlineUrl]);
      expect(await titlesOf(holder!.person)).toEqual([]);

      const startsAt = new Date(setUp.event.startsAt.getTime() + DAY_MS);
      const moved = await events.updateEvent(setUp.organiser, setUp.event.id, {
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
      });
      expect(moved.startsAt).toEqual(startsAt);
      const told = (await (await notifications.listNotifications(holder!.person, {})).edges()).map((e) => e.node);
      expect(told).toMatchObject([
        {
          kind: 'EVENTS',
          title: 'New time: Drop-in',
          body: 'It now starts Saturday, 12 December 2026 at 09:00 GMT.',
          url: `/events/${setUp.event.id}`,
        },
      ]);
      expect(await titlesOf(waiter!.person)).toEqual(['New time: Drop-in']);
      expect(await titlesOf(cancelledOne.person)).toEqual([]);

      await events.updateEvent(setUp.organiser, setUp.event.id, { onlineUrl: 'https://meet.example.org/other' });
      expect((await titlesOf(holder!.person))[0]).toBe('New place: Drop-in');
    });

    it('should refuse a capacity below the seats held, and fill raised capacity from the waitlist in order', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 2 });
      const people = await registered(setUp, 5);
      expect(people.map((p) => [p.registration.status, p.registration.waitlistPosition])).toEqual([
        ['CONFIRMED', null],
        ['CONFIRMED', null],
        ['WAITLISTED', 1],
        ['WAITLISTED', 2],
        ['WAITLISTED', 3],
      ]);
      const lower = await caught(events.updateEvent(setUp.organiser, setUp.event.id, { capacity: 1 }));
      expect([lower.field, lower.message]).toEqual([
        'capacity',
        '2 people hold seats now. Give a capacity of at least 2, or cancel some registrations first.',
      ]);
      const raised = await events.updateEvent(setUp.organiser, setUp.event.id, { capacity: 4 });
      expect([raised.capacity, events.seatsLeft(await events.eventById(setUp.organiser, setUp.event.id))]).toEqual([
        4, 0,
      ]);
      const mine = async (i: number) =>
        (await events.myRegistrations(people[i]!.person, [setUp.event.id])).get(setUp.event.id)!;
      expect([(await mine(2)).status, (await mine(3)).status, (await mine(4)).status]).toEqual([
        'CONFIRMED',
        'CONFIRMED',
        'WAITLISTED',
      ]);
      expect((await mine(4)).waitlistPosition).toBe(1);
      expect(await titlesOf(people[2]!.person)).toEqual(['You have a seat: Digital drop-in']);
      expect(await titlesOf(people[4]!.person)).toEqual([]);
    });

    it('should refuse members, moves into the past and changes to a cancelled event', async () => {
      const setUp = await eventSetUp(database.db);
      const stranger = await setUp.person('Sam Stranger');
      expect((await caught(events.updateEvent(stranger, setUp.event.id, { title: 'Mine' }))).code).toBe('FORBIDDEN');
      expect((await caught(events.updateEvent(setUp.organiser, crypto.randomUUID(), { title: 'X' }))).code).toBe(
        'NOT_FOUND',
      );
      const past = await caught(
        events.updateEvent(setUp.organiser, setUp.event.id, { startsAt: new Date(setUp.clock.now().getTime() - 1000) }),
      );
      expect(past.field).toBe('startsAt');
      await events.cancelEvent(setUp.organiser, setUp.event.id, 'The venue flooded.');
      expect((await caught(events.updateEvent(setUp.organiser, setUp.event.id, { title: 'Y' }))).code).toBe('CONFLICT');
    });
  });

  describe('cancelEvent', () => {
    it('should cancel with a reason, tell everyone holding or waiting for a seat, and refuse registrations', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const [holder, waiter] = await registered(setUp, 2);
      const noReason = await caught(events.cancelEvent(setUp.organiser, setUp.event.id, '  '));
      expect([noReason.field, noReason.code]).toEqual(['reason', 'BAD_USER_INPUT']);

      const cancelled = await events.cancelEvent(setUp.organiser, setUp.event.id, 'The venue flooded.');
      expect([cancelled.cancelReason, cancelled.cancelledAt]).toEqual(['The venue flooded.', setUp.clock.now()]);
      expect(events.seatsLeft(cancelled)).toBe(0);
      for (const { person } of [holder!, waiter!]) {
        const [told] = (await (await notifications.listNotifications(person, {})).edges()).map((e) => e.node);
        expect([told!.title, told!.body]).toEqual(['Cancelled: Digital drop-in', 'The venue flooded.']);
      }
      const late = await setUp.person('Lou Late');
      const refused = await caught(events.registerForEvent(late, setUp.event.id));
      expect([refused.code, refused.message]).toEqual([
        'CONFLICT',
        'This event was cancelled, so nobody can register for it.',
      ]);
      expect((await caught(events.cancelEvent(setUp.organiser, setUp.event.id, 'Again'))).code).toBe('CONFLICT');
    });
  });

  describe('duplicateEvent', () => {
    it('should copy an event to a new start with the same length and nobody registered', async () => {
      const setUp = await eventSetUp(database.db, { questions: [{ prompt: 'Diet?' }], categories: ['QUICK_TIP'] });
      await registered(setUp, 1);
      const startsAt = new Date(setUp.event.startsAt.getTime() + 28 * DAY_MS);
      const copy = await events.duplicateEvent(setUp.organiser, setUp.event.id, startsAt);
      expect(copy.id).not.toBe(setUp.event.id);
      expect(copy).toMatchObject({
        title: setUp.event.title,
        startsAt,
        endsAt: new Date(setUp.event.endsAt.getTime() + 28 * DAY_MS),
        categories: ['QUICK_TIP'],
        questions: [{ prompt: 'Diet?', required: false }],
        seatsTaken: 0,
        waiting: 0,
      });
      const past = await caught(events.duplicateEvent(setUp.organiser, setUp.event.id, new Date(0)));
      expect(past.field).toBe('startsAt');
    });
  });

  describe('upcomingEvents', () => {
    it('should list events not over and not cancelled, soonest first, by network, place and support', async () => {
      const setUp = await eventSetUp(database.db, { categories: ['QUICK_TIP'] });
      const now = setUp.clock.now();
      const later = await events.createEvent(setUp.organiser, {
        ...eventInput(now, {
          startsAt: new Date(now.getTime() + 9 * DAY_MS),
          endsAt: new Date(now.getTime() + 10 * DAY_MS),
        }),
        networkId: setUp.networkId,
        categories: ['HANDS_ON_SUPPORT'],
      });
      const sooner = await events.createEvent(setUp.organiser, {
        ...eventInput(now, {
          startsAt: new Date(now.getTime() + DAY_MS),
          endsAt: new Date(now.getTime() + 2 * DAY_MS),
        }),
        networkId: setUp.networkId,
      });
      const gone = await events.createEvent(setUp.organiser, { ...eventInput(now), networkId: setUp.networkId });
      await events.cancelEvent(setUp.organiser, gone.id, 'No speaker.');

      const viewer = serviceContext(database.db, { clock: setUp.clock });
      const list = (filter: events.UpcomingFilter, first = 10, after: string | null = null) =>
        events.upcomingEvents(viewer, { filter, first, after });
      const ofNetwork = await list({ networkId: setUp.networkId });
      expect(nodesOf(ofNetwork).map((e) => e.id)).toEqual([sooner.id, setUp.event.id, later.id]);
      expect(await ofNetwork.totalCount()).toBe(3);

      const firstPage = await list({ networkId: setUp.networkId }, 2);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const secondPage = await list({ networkId: setUp.networkId }, 2, firstPage.pageInfo.endCursor);
      expect(nodesOf(secondPage).map((e) => e.id)).toEqual([later.id]);

      expect(
        nodesOf(await list({ networkId: setUp.networkId, categories: ['HANDS_ON_SUPPORT'] })).map((e) => e.id),
      ).toEqual([later.id]);
      // The test network is at 51.45, -2.58 (Bristol).
      const near = await list({ networkId: setUp.networkId, near: { latitude: 51.46, longitude: -2.6 }, withinKm: 5 });
      expect(nodesOf(near)).toHaveLength(3);
      const far = await list({ networkId: setUp.networkId, near: { latitude: 55.95, longitude: -3.19 } });
      expect(nodesOf(far)).toEqual([]);

      setUp.clock.advance(2 * DAY_MS + 1);
      expect(nodesOf(await list({ networkId: setUp.networkId })).map((e) => e.id)).toEqual([setUp.event.id, later.id]);

      expect((await caught(list({ withinKm: 0, near: { latitude: 51, longitude: 0 } }))).field).toBe('withinKm');
      expect((await caught(list({}, 51))).field).toBe('first');
      expect((await caught(list({}, 10, 'nonsense'))).field).toBe('after');
    });
  });
});
