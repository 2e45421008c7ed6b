import { sql, type Kysely } from 'kysely';
import { ACCESS_NEEDS, DIETARY_NEEDS, DEMO_EVENTS, type EventSpec } from './demo-event-words.ts';
import type { DemoVenue } from './demo-venues.ts';
import { addDays, type Random } from './random.ts';

// The demo's events: each network's last few months and next few weeks of gatherings, with the
// people who registered, so the event pages, an organiser's registrations and check-in, and the
// health figures to come have something real to show. Past events have attendance (most came,
// some did not, a few cancelled beforehand); coming ones have confirmed seats, people registered
// by an organiser on someone's behalf, access and dietary needs, a full event with a waitlist
// (Amara waits on it), a CLAIM_WITHIN_HOURS event with a seat on offer, and one event cancelled.
//
// The words are in demo-event-words.ts. Unlike the rest of the demo, events are dated from the
// moment the demo loads, as the mentoring requests still waiting are (demo-mentoring.ts): the app
// reads "upcoming" and "past" on the real clock, so events dated from the fixed reference date
// would all be past a few weeks later. Each event falls on its day counted from the day of
// loading, at its evening time on the London clock (summer time or not); every other moment keeps
// its distance from the load. Who registers, their statuses, needs and the ids are drawn as if the
// demo were loaded on the reference date, so they are the same on every load.

export const DEMO_EVENT_SEED = 20_261_205;
const TIME_ZONE = 'Europe/London';
const HOUR_MS = 60 * 60 * 1000;
/** The README's accounts: registered only where the story puts them. */
const STORY_PEOPLE = ['amara.okafor@example.org', 'rhys.evans@example.org', 'priya.shah@example.org'];

export interface DemoEvent {
  id: string;
  network_id: string;
  title: string;
  description: string;
  format: EventSpec['format'];
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue_id: string | null;
  online_url: string | null;
  latitude: number;
  longitude: number;
  capacity: number;
  promotion: 'AUTO_CONFIRM' | 'CLAIM_WITHIN_HOURS';
  claim_hours: number | null;
  categories: string[];
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export type DemoRegistrationStatus = 'CONFIRMED' | 'WAITLISTED' | 'OFFERED' | 'CANCELLED' | 'ATTENDED' | 'NO_SHOW';

export interface DemoRegistration {
  id: string;
  event_id: string;
  user_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  registered_by: string | null;
  status: DemoRegistrationStatus;
  /** The order on the waitlist; the loader moves the queue's sequence past these. */
  queue_number: number | null;
  claim_by: Date | null;
  access_needs: string;
  dietary_needs: string;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DemoEvents {
  events: DemoEvent[];
  registrations: DemoRegistration[];
}

export interface EventPeople {
  users: ReadonlyArray<{ id: string; email: string }>;
  networks: ReadonlyArray<{ id: string; slug: string; latitude: number; longitude: number }>;
  memberships: ReadonlyArray<{
    network_id: string;
    user_id: string;
    role: string;
    joined_at: Date;
    left_at: Date | null;
  }>;
  venues: readonly DemoVenue[];
}

/** The date on the London clock at this moment, as year, month (1-12) and day. */
function londonDate(at: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** How far the London clock is ahead of UTC at this moment, in milliseconds (0 or an hour). */
function londonOffset(at: Date): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT" or "GMT+01:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '+' ? 1 : -1) * (Number(match[2]) * HOUR_MS + Number(match[3]) * 60_000) : 0;
}

/** The instant at `time` ("HH:MM") on the London clock, `days` after the London date of `from`. */
export function onLondonClock(from: Date, days: number, time: string): Date {
  const { year, month, day } = londonDate(from);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day + days, hours, minutes);
  // Evening times are never in the hour the clocks change, so one correction is exact.
  return new Date(wall - londonOffset(new Date(wall - londonOffset(new Date(wall)))));
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `count` moments spread in order between `from` and `to`. */
function spread(from: Date, to: Date, count: number, random: Random): Date[] {
  const span = to.getTime() - from.getTime();
  return Array.from({ length: count }, () => from.getTime() + span * random.next())
    .sort((a, b) => a - b)
    .map((ms) => new Date(Math.round(ms / 1000) * 1000));
}

/**
 * Every demo network's events and registrations as rows, for a demo loaded at `now`; the same
 * rows, moved in time, for any `now`.
 */
export function buildDemoEvents(people: EventPeople, random: Random, reference: Date, now: Date): DemoEvents {
  const shift = now.getTime() - reference.getTime();
  /** A moment drawn on the reference date's timeline, moved to the load's. */
  const moved = (at: Date) => new Date(at.getTime() + shift);
  const emails = new Map(people.users.map((user) => [user.id, user.email]));
  const ids = new Map(people.users.map((user) => [user.email, user.id]));
  const story = new Set(STORY_PEOPLE.map((email) => ids.get(email)));
  const events: DemoEvent[] = [];
  const registrations: DemoRegistration[] = [];
  let queue = 0;

  for (const network of people.networks) {
    const members = people.memberships.filter((m) => m.network_id === network.id);
    const runners = members.filter((m) => m.left_at === null && (m.role === 'ORGANISER' || m.role === 'STEWARD'));
    const storyRunner = runners.find((m) => story.has(m.user_id));
    for (const spec of DEMO_EVENTS[network.slug] ?? []) {
      const past = spec.day < 0;
      // On the reference timeline: what decides who could have registered, and the ids.
      const refStart = onLondonClock(reference, spec.day, spec.start);
      const refCreated = addDays(refStart, -random.int(21, 42) - random.next());
      const created = refCreated < reference ? refCreated : addDays(reference, -random.int(2, 6) - random.next());
      const creator = storyRunner && !past ? storyRunner : random.pick(runners);
      const venue = spec.venue
        ? people.venues.find((v) => v.network_id === network.id && v.name === spec.venue && !v.archived_at)
        : null;
      if (spec.venue && !venue) throw new Error(`${network.slug} has no venue called ${spec.venue}`);
      const startsAt = onLondonClock(now, spec.day, spec.start);
      const cancelledAt = spec.cancelled ? addDays(reference, -1 - random.next()) : null;
      const event: DemoEvent = {
        id: random.uuidV7(created),
        network_id: network.id,
        title: spec.title,
        description: spec.description,
        format: spec.format,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + spec.minutes * 60_000),
        time_zone: TIME_ZONE,
        venue_id: venue?.id ?? null,
        online_url: spec.onlineUrl ?? null,
        latitude: network.latitude,
        longitude: network.longitude,
        capacity: spec.capacity,
        promotion: spec.claimHours ? 'CLAIM_WITHIN_HOURS' : 'AUTO_CONFIRM',
        claim_hours: spec.claimHours ?? null,
        categories: [...spec.categories],
        cancelled_at: cancelledAt && moved(cancelledAt),
        cancel_reason: spec.cancelled ?? null,
        created_by: creator.user_id,
        created_at: moved(created),
        updated_at: moved(cancelledAt ?? created),
      };
      events.push(event);

      // Members then (joined before the event was announced, not gone before it), the story's people aside.
      const eligible = shuffled(
        members.filter(
          (m) => !story.has(m.user_id) && m.joined_at < created && (m.left_at === null || m.left_at > refStart),
        ),
        random,
      );
      const named = Object.entries(spec.demoPeople ?? {}).map(([email, status]) => ({ id: ids.get(email)!, status }));
      const onBehalf = spec.onBehalf ?? [];
      // Those waiting, and at an event with seats on offer the first of them, offered a seat.
      const queued = (spec.waiting ?? 0) + (spec.claimHours ? 1 : 0);
      const others = Math.min(eligible.length, spec.registered - named.length - onBehalf.length);
      const inPerson = spec.venue !== null;
      // An offer made a few hours before the load, when someone cancelled.
      const offeredAt = addDays(reference, -0.25);
      const lastSignUp = past
        ? addDays(refStart, -2)
        : cancelledAt
          ? addDays(cancelledAt, -0.5)
          : addDays(reference, spec.claimHours ? -0.3 : -0.2);
      const firstSignUp = new Date(created.getTime() + HOUR_MS);

      interface Seat {
        userId: string | null;
        who?: (typeof onBehalf)[number];
        status?: DemoRegistrationStatus;
      }
      const seats: Seat[] = [
        ...eligible.slice(0, others).map((m) => ({ userId: m.user_id })),
        ...onBehalf.map((who) => ({ userId: null, who })),
      ];
      // The waiting come last, in the order they joined; a story person waits second in line.
      const holders = seats.slice(0, seats.length - queued);
      const waiters = seats.slice(seats.length - queued);
      for (const person of named) {
        if (person.status === 'WAITLISTED') waiters.splice(Math.min(2, waiters.length), 0, { userId: person.id });
        else holders.splice(Math.min(2, holders.length), 0, { userId: person.id, status: person.status });
      }
      if (waiters.length > queued) holders.push(...waiters.splice(0, waiters.length - queued));
      // A few cancelled beforehand; at an event with seats on offer, one freed the seat on offer.
      const cancelling = eligible.slice(others, others + random.int(1, 3)).map((m) => ({ userId: m.user_id }));
      const offered = spec.claimHours ? waiters.shift() : undefined;

      const times = spread(firstSignUp, lastSignUp, holders.length + (offered ? 1 : 0) + waiters.length, random);
      const row = (seat: Seat, status: DemoRegistrationStatus, at: Date): DemoRegistration => {
        const needs = seat.who ?? {
          accessNeeds: random.chance(0.12) ? random.pick(ACCESS_NEEDS) : '',
          dietaryNeeds: inPerson && random.chance(0.25) ? random.pick(DIETARY_NEEDS) : '',
        };
        return {
          id: random.uuidV7(at),
          event_id: event.id,
          user_id: seat.userId,
          name: seat.who?.name ?? null,
          email: seat.who?.email ?? null,
          phone: seat.who?.phone ?? null,
          registered_by: seat.who ? creator.user_id : null,
          status,
          queue_number: null,
          claim_by: null,
          access_needs: needs.accessNeeds ?? '',
          dietary_needs: needs.dietaryNeeds ?? '',
          checked_in_at: null,
          cancelled_at: null,
          created_at: moved(at),
          updated_at: moved(at),
        };
      };
      let n = 0;
      for (const seat of holders) {
        const registration = row(seat, 'CONFIRMED', times[n++]!);
        if (past) {
          const came = seat.status === 'ATTENDED' || (seat.status === undefined && !random.chance(0.16));
          registration.status = came ? 'ATTENDED' : 'NO_SHOW';
          if (came) {
            registration.checked_in_at = new Date(startsAt.getTime() + random.int(-10, 40) * 60_000);
            registration.updated_at = registration.checked_in_at;
          } else {
            registration.updated_at = event.ends_at;
          }
        }
        registrations.push(registration);
      }
      if (offered) {
        const registration = row(offered, 'OFFERED', times[n++]!);
        // The offer runs for the event's hours from when it was made.
        registration.claim_by = moved(new Date(offeredAt.getTime() + spec.claimHours! * HOUR_MS));
        registration.updated_at = moved(offeredAt);
        registrations.push(registration);
      }
      for (const seat of waiters) {
        const registration = row(seat, 'WAITLISTED', times[n++]!);
        queue += 1;
        registration.queue_number = queue;
        registrations.push(registration);
      }
      for (const [i, seat] of cancelling.entries()) {
        const [signedUp, gaveUp] = spread(firstSignUp, lastSignUp, 2, random);
        const registration = row(seat, 'CANCELLED', signedUp!);
        // The last to cancel freed the seat now on offer.
        registration.cancelled_at = moved(offered && i === cancelling.length - 1 ? offeredAt : gaveUp!);
        registration.updated_at = registration.cancelled_at;
        registrations.push(registration);
      }
    }
  }
  // The story's people hold what it says and nothing else.
  for (const registration of registrations) {
    const email = registration.user_id ? emails.get(registration.user_id) : undefined;
    if (email && STORY_PEOPLE.includes(email) && registration.status === 'CANCELLED') {
      throw new Error(`${email} should not hold a cancelled registration`);
    }
  }
  return { events, registrations };
}

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Writes the events, then their registrations one at a time through the seat-counting trigger
 * (in one statement per event), then moves the waitlist's sequence past the queue numbers used.
 */
export async function insertDemoEvents(db: AnyDb, demo: DemoEvents): Promise<void> {
  if (demo.events.length === 0) return;
  const json = JSON.stringify(demo.events);
  await sql`
    insert into events (id, network_id, title, description, format, starts_at, ends_at, time_zone, venue_id,
                        online_url, latitude, longitude, capacity, promotion, claim_hours, categories, cancelled_at,
                        cancel_reason, created_by, created_at, updated_at)
    select id, network_id, title, description, format, starts_at, ends_at, time_zone, venue_id, online_url, latitude,
           longitude, capacity, promotion, claim_hours, categories, cancelled_at, cancel_reason, created_by, created_at,
           updated_at
    from jsonb_to_recordset(${json}::text::jsonb) as e(
      id uuid, network_id uuid, title text, description text, format event_format, starts_at timestamptz,
      ends_at timestamptz, time_zone text, venue_id uuid, online_url text, latitude double precision,
      longitude double precision, capacity integer, promotion seat_promotion, claim_hours integer,
      categories support_category[], cancelled_at timestamptz, cancel_reason text, created_by uuid,
      created_at timestamptz, updated_at timestamptz)
  `.execute(db);
  for (let start = 0; start < demo.registrations.length; start += 2_000) {
    const rows = JSON.stringify(demo.registrations.slice(start, start + 2_000));
    await sql`
      insert into registrations (id, event_id, user_id, name, email, phone, registered_by, status, queue_number,
                                 claim_by, access_needs, dietary_needs, checked_in_at, cancelled_at, created_at,
                                 updated_at)
      select id, event_id, user_id, name, email, phone, registered_by, status, queue_number, claim_by, access_needs,
             dietary_needs, checked_in_at, cancelled_at, created_at, updated_at
      from jsonb_to_recordset(${rows}::text::jsonb) as r(
        id uuid, event_id uuid, user_id uuid, name text, email text, phone text, registered_by uuid,
        status registration_status, queue_number bigint, claim_by timestamptz, access_needs text, dietary_needs text,
        checked_in_at timestamptz, cancelled_at timestamptz, created_at timestamptz, updated_at timestamptz)
    `.execute(db);
  }
  const queued = demo.registrations.reduce((max, r) => Math.max(max, r.queue_number ?? 0), 0);
  if (queued > 0) await sql`select setval('registrations_queue_seq', ${queued})`.execute(db);
}
