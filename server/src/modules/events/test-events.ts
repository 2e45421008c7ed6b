// Set-up the events tests share: an organiser with a network, and events on a clock they control.
import type { Db } from '../../db/database.ts';
import { signedUpPerson, startedNetwork, TestClock, type TestPerson } from '../../testing/factories.ts';
import * as events from './service.ts';

const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Valid settings for an event a week after `now`, lasting two hours, online. */
export function eventInput(now: Date, overrides: Partial<events.EventInput> = {}): events.EventInput {
  const startsAt = new Date(now.getTime() + 7 * DAY_MS);
  return {
    title: 'Digital drop-in',
    description: 'Bring a laptop and a question.',
    format: 'WORKSHOP',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR_MS),
    timeZone: 'Europe/London',
    onlineUrl: 'https://meet.example.org/drop-in',
    capacity: 10,
    ...overrides,
  };
}

export interface EventSetUp {
  clock: TestClock;
  /** The network's first steward, who runs its events. */
  organiser: TestPerson;
  networkId: string;
  event: events.EventRecord;
  /** A new person on the same clock. */
  person(name?: string): Promise<TestPerson>;
}

/** A new network, its steward, and one event of it made with `overrides`, all on one clock. */
export async function eventSetUp(db: Db, overrides: Partial<events.EventInput> = {}): Promise<EventSetUp> {
  const clock = new TestClock(new Date('2026-12-04T09:00:00Z'));
  const person = (name = 'Test Person') => signedUpPerson(db, { name, clock });
  const organiser = await person('Olu Organiser');
  const network = await startedNetwork(organiser);
  const event = await events.createEvent(organiser, {
    ...eventInput(clock.now(), overrides),
    networkId: network.id,
  });
  return { clock, organiser, networkId: network.id, event, person };
}

/** People registered for the event one after another, each with the registration they got. */
export async function registered(setUp: EventSetUp, count: number, eventId = setUp.event.id) {
  const registrations = [];
  for (let i = 0; i < count; i += 1) {
    const person = await setUp.person(`Reg ${i}`);
    registrations.push({ person, registration: await events.registerForEvent(person, eventId) });
  }
  return registrations;
}
