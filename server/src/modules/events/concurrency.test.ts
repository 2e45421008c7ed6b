import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { RecordingPublisher, serviceContext, type TestPerson } from '../../testing/factories.ts';
import * as notifications from '../notifications/service.ts';
import * as events from './service.ts';
import { eventSetUp, registered, type EventSetUp } from './test-events.ts';

// The seat rules under load: many requests for one event at once, as on the morning a popular
// event opens. Each call gets a context of its own, as each request would.

const HOUR_MS = 60 * 60 * 1000;

/** People signed up a batch at a time (each sign-up hashes a password). */
async function people(setUp: EventSetUp, count: number): Promise<TestPerson[]> {
  const made: TestPerson[] = [];
  for (let i = 0; i < count; i += 50) {
    made.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => setUp.person(`P ${i + j}`)))),
    );
  }
  return made;
}

/** A context of its own for one call by this person, as a request of theirs would have. */
const request = (setUp: EventSetUp, person: TestPerson) =>
  serviceContext(person.db, { viewer: person.viewer, clock: setUp.clock, pubsub: new RecordingPublisher() });

/** Every registration of the event, straight from the organiser's lists. */
async function everyone(setUp: EventSetUp): Promise<events.RegistrationRecord[]> {
  const all: events.RegistrationRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof events.registrationsOfEvent>> = await events.registrationsOfEvent(
      request(setUp, setUp.organiser),
      setUp.event,
      { first: 50, after },
    );
    all.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

const byStatus = (registrations: readonly events.RegistrationRecord[], status: events.RegistrationStatus) =>
  registrations.filter((registration) => registration.status === status);

/** The waiting registrations' positions, sorted: 1..N with no gaps when the queue is whole. */
const positionsOf = (registrations: readonly events.RegistrationRecord[]) =>
  byStatus(registrations, 'WAITLISTED')
    .map((registration) => registration.waitlistPosition)
    .sort((a, b) => a! - b!);

const oneTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('1,000 registrations at once for 50 seats on postgres', () => {
  const database = useTestDatabase('postgres');

  it('should confirm exactly 50 and put 950 on the waitlist at positions 1..950', { timeout: 120_000 }, async () => {
    const setUp = await eventSetUp(database.db, { capacity: 50 });
    const crowd = await people(setUp, 1000);
    const started = performance.now();
    const answers = await Promise.all(
      crowd.map((person) => events.registerForEvent(request(setUp, person), setUp.event.id)),
    );
    const burstMs = performance.now() - started;
    console.info(`events: 1,000 registrations for 50 seats at once took ${Math.round(burstMs)} ms on PostgreSQL`);

    expect(byStatus(answers, 'CONFIRMED')).toHaveLength(50);
    expect(byStatus(answers, 'WAITLISTED')).toHaveLength(950);
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1000);
    // Each was told its place as it joined: all different, 1..950.
    expect(positionsOf(answers)).toEqual(oneTo(950));

    const stored = await everyone(setUp);
    expect(byStatus(stored, 'CONFIRMED')).toHaveLength(50);
    expect(positionsOf(stored)).toEqual(oneTo(950));
    const event = await events.eventById(request(setUp, setUp.organiser), setUp.event.id);
    expect([event.seatsTaken, event.waiting, events.seatsLeft(event)]).toEqual([50, 950, 0]);
  });
});

describe.each(DATABASE_KINDS)('seats under concurrent changes on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should give back one registration when the same person registers many times at once', async () => {
    const setUp = await eventSetUp(database.db, { capacity: 1 });
    const [person] = await people(setUp, 1);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => events.registerForEvent(request(setUp, person!), setUp.event.id)),
    );
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers.every((answer) => answer.status === 'CONFIRMED')).toBe(true);
    const event = await events.eventById(request(setUp, setUp.organiser), setUp.event.id);
    expect([event.seatsTaken, event.waiting]).toEqual([1, 0]);
  });

  it('should promote exactly one waiting person per freed seat when many cancel at once', async () => {
    const setUp = await eventSetUp(database.db, { capacity: 10 });
    const crowd = await people(setUp, 30);
    for (const person of crowd) await events.registerForEvent(person, setUp.event.id);
    const holders = crowd.slice(0, 10);
    const mine = async (person: TestPerson) =>
      (await events.myRegistrations(request(setUp, person), [setUp.event.id])).get(setUp.event.id)!;
    const holderIds = await Promise.all(holders.map(async (person) => (await mine(person)).id));

    // Each holder cancels twice at once, and so do two people waiting (positions 11 and 12 of the crowd).
    const leaving = [...holders, crowd[20]!, crowd[21]!];
    const leavingIds = [...holderIds, (await mine(crowd[20]!)).id, (await mine(crowd[21]!)).id];
    await Promise.all(
      [...leaving, ...leaving].map((person, i) =>
        events.cancelRegistration(request(setUp, person), leavingIds[i % leaving.length]!),
      ),
    );

    const stored = await everyone(setUp);
    expect(
      byStatus(stored, 'CANCELLED')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...leavingIds].sort());
    // The first ten waiting got the ten seats; the other eight still wait, at 1..8.
    const confirmed = byStatus(stored, 'CONFIRMED')
      .map((r) => r.userId)
      .sort();
    expect(confirmed).toEqual(
      crowd
        .slice(10, 20)
        .map((person) => person.user.id)
        .sort(),
    );
    expect(positionsOf(stored)).toEqual(oneTo(8));
    const event = await events.eventById(request(setUp, setUp.organiser), setUp.event.id);
    expect([event.seatsTaken, event.waiting]).toEqual([10, 8]);
    for (const person of crowd.slice(10, 20)) {
      const told = await (await notifications.listNotifications(request(setUp, person), {})).edges();
      expect(told.map((edge) => edge.node.title)).toEqual(['You have a seat: Digital drop-in']);
    }
  });

  it('should pass each lapsed offer on exactly once when two app copies sweep at once', async () => {
    const setUp = await eventSetUp(database.db, { capacity: 3, promotion: 'CLAIM_WITHIN_HOURS', claimHours: 2 });
    const crowd = await registered(setUp, 9);
    for (const { person, registration } of crowd.slice(0, 3)) await events.cancelRegistration(person, registration.id);
    setUp.clock.advance(2 * HOUR_MS);

    const copies = [new RecordingPublisher(), new RecordingPublisher()].map((pubsub) =>
      serviceContext(database.db, { clock: setUp.clock, pubsub }),
    );
    const [one, two] = await Promise.all(copies.map((copy) => events.lapseOverdueOffers(copy)));
    const lapsed = [...one!, ...two!].map((registration) => registration.userId).sort();
    expect(lapsed).toEqual(
      crowd
        .slice(3, 6)
        .map(({ person }) => person.user.id)
        .sort(),
    );

    const stored = await everyone(setUp);
    expect(
      byStatus(stored, 'OFFERED')
        .map((r) => r.userId)
        .sort(),
    ).toEqual(
      crowd
        .slice(6, 9)
        .map(({ person }) => person.user.id)
        .sort(),
    );
    expect(positionsOf(stored)).toEqual([]);
    const titles = async (person: TestPerson) =>
      (await (await notifications.listNotifications(request(setUp, person), {})).edges()).map(
        (edge) => edge.node.title,
      );
    for (const { person } of crowd.slice(3, 6)) {
      expect(await titles(person)).toEqual([
        'The seat offered to you has passed on: Digital drop-in',
        'A seat is free for you: Digital drop-in',
      ]);
    }
    for (const { person } of crowd.slice(6, 9)) {
      expect(await titles(person)).toEqual(['A seat is free for you: Digital drop-in']);
    }
    const event = await events.eventById(request(setUp, setUp.organiser), setUp.event.id);
    expect([event.seatsTaken, event.waiting]).toEqual([3, 0]);
  });
});
