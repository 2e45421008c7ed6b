import { describe, expect, it, vi } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { RecordingPublisher, serviceContext, testConfig, type TestPerson } from '../../testing/factories.ts';
import * as notifications from '../notifications/service.ts';
import * as venues from '../venues/service.ts';
import { startClaimSweep } from './claim-sweep.ts';
import { inEventTime } from './notices.ts';
import { sendDueReminders } from './reminders.ts';
import * as events from './service.ts';
import { DAY_MS, eventSetUp, registered, type EventSetUp } from './test-events.ts';

const HOUR_MS = 60 * 60 * 1000;

const noticesOf = async (person: TestPerson) =>
  (await (await notifications.listNotifications(person, {})).edges()).map((edge) => edge.node);

/** The reminders a person got: their notifications that start "Today" or "Tomorrow". */
const remindersOf = async (person: TestPerson) =>
  (await noticesOf(person)).filter((notice) => /^(Today|Tomorrow): /.test(notice.title));

// Every test's event starts a week after 2026-12-04T09:00Z, on its own day (the database is shared
// by the file's tests, and each sweep reminds whatever is due in it).
let dayOffset = 0;
const aWeekAnd = () => (dayOffset += 3);

describe.each(DATABASE_KINDS)('the day-before reminder on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** An event `days` days after the set-up's clock, at 09:00 in London (GMT in December). */
  function setUpOn(days: number, overrides: Partial<events.EventInput> = {}) {
    const start = new Date(Date.parse('2026-12-04T09:00:00Z') + days * DAY_MS);
    return eventSetUp(database.db, {
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * HOUR_MS),
      ...overrides,
    });
  }

  const sweepAt = (setUp: EventSetUp) => sendDueReminders(serviceContext(database.db, { clock: setUp.clock }));
  const untilStart = (setUp: EventSetUp, ms: number) =>
    setUp.clock.advance(setUp.event.startsAt.getTime() - setUp.clock.now().getTime() - ms);

  it('should remind each person holding a seat once, and nobody waiting, cancelled or registered on their behalf', async () => {
    const setUp = await setUpOn(7 + aWeekAnd(), { capacity: 3 });
    const [first, second] = await registered(setUp, 2);
    await events.registerOnBehalf(setUp.organiser, setUp.event.id, { name: 'Pat Phone', phone: '07700 900123' });
    // The event is full: these two wait, and one of them leaves the waitlist.
    const [waiting, leaving] = await registered(setUp, 2);
    expect([waiting!.registration.status, leaving!.registration.status]).toEqual(['WAITLISTED', 'WAITLISTED']);
    await events.cancelRegistration(leaving!.person, leaving!.registration.id);
    // More than 24 hours before the start: nothing is due yet.
    untilStart(setUp, DAY_MS + HOUR_MS);
    await sweepAt(setUp);
    expect(await remindersOf(first!.person)).toEqual([]);

    untilStart(setUp, 12 * HOUR_MS);
    expect(await sweepAt(setUp)).toBeGreaterThanOrEqual(2);
    const startsInWords = inEventTime(setUp.event.startsAt, 'Europe/London');
    for (const { person } of [first!, second!]) {
      const reminders = await remindersOf(person);
      expect(reminders).toEqual([
        expect.objectContaining({
          kind: 'EVENTS',
          // 21:00 the evening before, in London.
          title: 'Tomorrow: Digital drop-in',
          body: `It starts ${startsInWords}. Online: the link is on the event page. Can’t come? Give up your place so someone waiting can have it.`,
          url: `/events/${setUp.event.id}`,
        }),
      ]);
    }
    expect(startsInWords).toMatch(/09:00 GMT$/);
    for (const { person } of [waiting!, leaving!]) expect(await remindersOf(person)).toEqual([]);
    const onBehalf = await database.db
      .selectFrom('registrations')
      .select('reminded_at')
      .where('event_id', '=', setUp.event.id)
      .where('user_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(onBehalf.reminded_at).toBeNull();

    // Swept again and again: nobody is reminded twice.
    setUp.clock.advance(HOUR_MS);
    await sweepAt(setUp);
    await sweepAt(setUp);
    expect(await remindersOf(first!.person)).toHaveLength(1);
  });

  it('should say "Today" and give the venue on the day, and remind an offered seat to be claimed', async () => {
    const setUp = await setUpOn(7 + aWeekAnd(), {
      capacity: 1,
      promotion: 'CLAIM_WITHIN_HOURS',
      claimHours: 2,
    });
    const venue = await venues.addVenue(setUp.organiser, setUp.networkId, {
      name: 'The Old Library',
      address: '1 High Street\nTestville',
      stepFreeAccess: true,
      accessibleToilet: true,
      hearingLoop: false,
      quietRoom: false,
      cost: 'FREE',
    });
    await events.updateEvent(setUp.organiser, setUp.event.id, { venueId: venue.id, onlineUrl: null });
    const [holder, next] = await registered(setUp, 2);
    // 03:00 on the day, in London: the holder gives up the seat and it is offered to the next.
    untilStart(setUp, 6 * HOUR_MS);
    await events.cancelRegistration(holder!.person, holder!.registration.id);
    await sweepAt(setUp);
    const claimBy = new Date(setUp.clock.now().getTime() + 2 * HOUR_MS);
    const [reminder] = await remindersOf(next!.person);
    expect(reminder).toMatchObject({
      kind: 'EVENTS',
      title: 'Today: Digital drop-in',
      url: `/events/${setUp.event.id}`,
    });
    expect(reminder!.body).toBe(
      `A seat is offered to you: claim it on the event page by ${inEventTime(claimBy, 'Europe/London')}, or it passes to the next person waiting. ` +
        `It starts ${inEventTime(setUp.event.startsAt, 'Europe/London')}. At The Old Library, 1 High Street, Testville.`,
    );
    expect(await remindersOf(holder!.person)).toEqual([]);
  });

  it('should not remind for a cancelled event, an event under way, or a registration made in its last hour', async () => {
    const cancelled = await setUpOn(7 + aWeekAnd());
    const [cancelledHolder] = await registered(cancelled, 1);
    await events.cancelEvent(cancelled.organiser, cancelled.event.id, 'The venue flooded.');
    untilStart(cancelled, 6 * HOUR_MS);
    await sweepAt(cancelled);
    expect(await remindersOf(cancelledHolder!.person)).toEqual([]);

    const started = await setUpOn(7 + aWeekAnd());
    const [lateToTheSweep] = await registered(started, 1);
    untilStart(started, -HOUR_MS);
    await sweepAt(started);
    expect(await remindersOf(lateToTheSweep!.person)).toEqual([]);

    const soon = await setUpOn(7 + aWeekAnd());
    untilStart(soon, 30 * 60 * 1000);
    const [lastMinute] = await registered(soon, 1);
    await sweepAt(soon);
    expect(await remindersOf(lastMinute!.person)).toEqual([]);
  });

  it('should remind again before a new start when the event is moved', async () => {
    const setUp = await setUpOn(7 + aWeekAnd());
    const [holder] = await registered(setUp, 1);
    untilStart(setUp, 12 * HOUR_MS);
    await sweepAt(setUp);
    expect(await remindersOf(holder!.person)).toHaveLength(1);
    const startsAt = new Date(setUp.event.startsAt.getTime() + 2 * DAY_MS);
    await events.updateEvent(setUp.organiser, setUp.event.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR_MS),
    });
    await sweepAt(setUp);
    expect(await remindersOf(holder!.person)).toHaveLength(1);
    setUp.clock.advance(2 * DAY_MS);
    await sweepAt(setUp);
    expect(await remindersOf(holder!.person)).toHaveLength(2);
  });

  it('should remind each person once when two app copies sweep on their own timers', async () => {
    const setUp = await setUpOn(7 + aWeekAnd(), { capacity: 30 });
    const holders = await registered(setUp, 12);
    untilStart(setUp, 10 * HOUR_MS);
    const config = testConfig({ events: { claimSweepMs: 5 } });
    const log = { error: vi.fn() };
    const copies = [new RecordingPublisher(), new RecordingPublisher()].map((pubsub) =>
      startClaimSweep({ db: database.db, config, log, clock: setUp.clock, pubsub }),
    );
    try {
      await vi.waitFor(
        async () => {
          for (const { person } of holders) expect(await remindersOf(person)).toHaveLength(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      // Further rounds of both copies find nothing more to send.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await Promise.all(copies.map((copy) => copy.stop()));
    }
    for (const { person } of holders) expect(await remindersOf(person)).toHaveLength(1);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('should remind each person once when two sweeps race in small batches', async () => {
    const setUp = await setUpOn(7 + aWeekAnd(), { capacity: 30 });
    const holders = await registered(setUp, 10);
    untilStart(setUp, 10 * HOUR_MS);
    const sweep = () => sendDueReminders(serviceContext(database.db, { clock: setUp.clock }), 3);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a + b).toBeGreaterThanOrEqual(10);
    for (const { person } of holders) expect(await remindersOf(person)).toHaveLength(1);
  });
});
