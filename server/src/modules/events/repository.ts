import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { arrayLiteral, type IdCondition } from '../../core/query.ts';
import type {
  Database,
  EventFormat,
  EventRole,
  RegistrationStatus,
  SeatPromotion,
  SupportCategory,
} from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { EventFormat, RegistrationStatus, SeatPromotion, SupportCategory };

// Events.

/** A question an event asks the people who register; `id` keeps answers tied to it across edits. */
export interface EventQuestion {
  id: string;
  prompt: string;
  required: boolean;
}

export interface EventRecord {
  id: string;
  networkId: string;
  seriesId: string | null;
  title: string;
  description: string;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueId: string | null;
  onlineUrl: string | null;
  latitude: number;
  longitude: number;
  capacity: number;
  promotion: SeatPromotion;
  claimHours: number | null;
  categories: SupportCategory[];
  questions: EventQuestion[];
  /** Confirmed, offered, attended and no-show registrations, kept by a trigger. */
  seatsTaken: number;
  /** The waitlist's length, kept by the same trigger. */
  waiting: number;
  /** Rises with every change to capacity, seats taken, waiting or cancellation (a trigger). */
  seatsVersion: number;
  registrationClosedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** What happened, in an organiser's words; empty until written. */
  writeUp: string;
  writtenUpAt: Date | null;
  createdBy: string | null;
  /** When the network's stewards hid it after a report; null while it is shown. */
  hiddenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an organiser sets on an event. */
export interface EventFields {
  title: string;
  description: string;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueId: string | null;
  onlineUrl: string | null;
  capacity: number;
  promotion: SeatPromotion;
  claimHours: number | null;
  categories: SupportCategory[];
  questions: EventQuestion[];
}

const EVENT_COLUMNS = [
  'events.id',
  'events.network_id as networkId',
  'events.series_id as seriesId',
  'events.title',
  'events.description',
  'events.format',
  'events.starts_at as startsAt',
  'events.ends_at as endsAt',
  'events.time_zone as timeZone',
  'events.venue_id as venueId',
  'events.online_url as onlineUrl',
  'events.latitude',
  'events.longitude',
  'events.capacity',
  'events.promotion',
  'events.claim_hours as claimHours',
  // Arrays of enums arrive as their text form from both drivers; as text[] they arrive as arrays.
  sql<SupportCategory[]>`events.categories::text[]`.as('categories'),
  sql<EventQuestion[]>`events.questions`.as('questions'),
  'events.seats_taken as seatsTaken',
  'events.waiting',
  'events.seats_version as seatsVersion',
  'events.registration_closed_at as registrationClosedAt',
  'events.cancelled_at as cancelledAt',
  'events.cancel_reason as cancelReason',
  'events.write_up as writeUp',
  'events.written_up_at as writtenUpAt',
  'events.created_by as createdBy',
  'events.hidden_at as hiddenAt',
  'events.created_at as createdAt',
  'events.updated_at as updatedAt',
] as const;

/**
 * Whether an event is shown in lists: not hidden by the network's stewards. Every list of events
 * (upcoming, a network's, a series' dates, calendar feeds, reminders) composes this one condition;
 * a hidden event is shown only on its own page, to its creator and the network's organisers.
 */
export const visibleEvent: Expression<SqlBool> = sql<SqlBool>`events.hidden_at is null`;

function fieldColumns(fields: EventFields) {
  return {
    title: fields.title,
    description: fields.description,
    format: fields.format,
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    time_zone: fields.timeZone,
    venue_id: fields.venueId,
    online_url: fields.onlineUrl,
    capacity: fields.capacity,
    promotion: fields.promotion,
    claim_hours: fields.claimHours,
    categories: sql<SupportCategory[]>`cast(${arrayLiteral(fields.categories)} as support_category[])`,
    questions: sql<string>`${JSON.stringify(fields.questions)}::text::jsonb`,
  };
}

export async function insertEvent(
  db: Executor,
  event: EventFields & { networkId: string; latitude: number; longitude: number; createdBy: string; now: Date },
): Promise<EventRecord> {
  return db
    .insertInto('events')
    .values({
      ...fieldColumns(event),
      network_id: event.networkId,
      latitude: event.latitude,
      longitude: event.longitude,
      created_by: event.createdBy,
      created_at: event.now,
      updated_at: event.now,
    })
    .returning(EVENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface SeriesRecord {
  id: string;
  networkId: string;
  rule: string;
  description: string;
}

export async function insertSeries(
  db: Executor,
  series: { networkId: string; rule: string; description: string; createdBy: string; now: Date },
): Promise<SeriesRecord> {
  return db
    .insertInto('event_series')
    .values({
      network_id: series.networkId,
      rule: series.rule,
      description: series.description,
      created_by: series.createdBy,
      created_at: series.now,
    })
    .returning(['id', 'network_id as networkId', 'rule', 'description'])
    .executeTakeFirstOrThrow();
}

/** The dates of a series, in one statement, soonest first. */
export async function insertSeriesEvents(
  db: Executor,
  events: ReadonlyArray<
    EventFields & {
      networkId: string;
      seriesId: string;
      latitude: number;
      longitude: number;
      createdBy: string;
      now: Date;
    }
  >,
): Promise<EventRecord[]> {
  const rows = await db
    .insertInto('events')
    .values(
      events.map((event) => ({
        ...fieldColumns(event),
        network_id: event.networkId,
        series_id: event.seriesId,
        latitude: event.latitude,
        longitude: event.longitude,
        created_by: event.createdBy,
        created_at: event.now,
        updated_at: event.now,
      })),
    )
    .returning(EVENT_COLUMNS)
    .execute();
  return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export async function getSeriesByIds(db: Executor, ids: readonly string[]): Promise<SeriesRecord[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('event_series')
    .select(['id', 'network_id as networkId', 'rule', 'description'])
    .where('id', 'in', ids)
    .execute();
}

/** Every date of these series, soonest first. */
export async function listEventsOfSeries(db: Executor, seriesIds: readonly string[]): Promise<EventRecord[]> {
  if (seriesIds.length === 0) return [];
  return db
    .selectFrom('events')
    .select(EVENT_COLUMNS)
    .where('events.series_id', 'in', seriesIds)
    .where(visibleEvent)
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .execute();
}

export async function setWriteUp(
  db: Executor,
  eventId: string,
  writeUp: string,
  by: string,
  now: Date,
): Promise<EventRecord> {
  return db
    .updateTable('events')
    .set({
      write_up: writeUp,
      written_up_at: writeUp ? now : null,
      written_up_by: writeUp ? by : null,
      updated_at: now,
    })
    .where('id', '=', eventId)
    .returning(EVENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateEvent(db: Executor, eventId: string, fields: EventFields, now: Date): Promise<EventRecord> {
  return db
    .updateTable('events')
    .set({ ...fieldColumns(fields), updated_at: now })
    .where('id', '=', eventId)
    .returning(EVENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Hides an event after a report: kept, but out of every list. Null when there is no such event. */
export async function hideEvent(db: Executor, eventId: string, now: Date): Promise<EventRecord | null> {
  const row = await db
    .updateTable('events')
    .set({ hidden_at: now, updated_at: now })
    .where('id', '=', eventId)
    .returning(EVENT_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

export async function getEventsByIds(db: Executor, ids: readonly string[]): Promise<EventRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('events').select(EVENT_COLUMNS).where('id', 'in', ids).execute();
}

/**
 * The event's row, locked for the rest of the transaction: every change to its seats takes its
 * turn here, and reads the counts the last one left.
 */
export async function lockEvent(db: Executor, eventId: string): Promise<EventRecord | null> {
  const row = await db
    .selectFrom('events')
    .select(EVENT_COLUMNS)
    .where('id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** The event's counts as they are now in this transaction (the trigger has kept them). */
export type SeatCountsRow = Pick<EventRecord, 'capacity' | 'seatsTaken' | 'waiting' | 'cancelledAt' | 'seatsVersion'>;

function seatCountsQuery(db: Executor, eventId: string) {
  return db
    .selectFrom('events')
    .select([
      'capacity',
      'seats_taken as seatsTaken',
      'waiting',
      'cancelled_at as cancelledAt',
      'seats_version as seatsVersion',
    ])
    .where('id', '=', eventId);
}

/** The counts of an event known to exist (its lock is held). */
export async function getSeatCounts(db: Executor, eventId: string): Promise<SeatCountsRow> {
  return seatCountsQuery(db, eventId).executeTakeFirstOrThrow();
}

export async function findSeatCounts(db: Executor, eventId: string): Promise<SeatCountsRow | undefined> {
  return seatCountsQuery(db, eventId).executeTakeFirst();
}

export async function cancelEvent(db: Executor, eventId: string, reason: string, now: Date): Promise<EventRecord> {
  return db
    .updateTable('events')
    .set({ cancelled_at: now, cancel_reason: reason, updated_at: now })
    .where('id', '=', eventId)
    .returning(EVENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function setRegistrationClosed(
  db: Executor,
  eventId: string,
  closedAt: Date | null,
  now: Date,
): Promise<EventRecord> {
  return db
    .updateTable('events')
    .set({ registration_closed_at: closedAt, updated_at: now })
    .where('id', '=', eventId)
    .returning(EVENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface UpcomingQuery {
  now: Date;
  networkId: string | null;
  near: { latitude: number; longitude: number; withinKm: number } | null;
  categories: SupportCategory[];
  after: { startsAt: Date; id: string } | null;
  limit: number;
}

/** Great-circle distance in km (haversine) from the event's place. */
function distanceKm(latitude: number, longitude: number) {
  return sql<number>`2 * 6371 * asin(sqrt(
    power(sin(radians(events.latitude - ${latitude}) / 2), 2) +
    cos(radians(${latitude})) * cos(radians(events.latitude)) *
    power(sin(radians(events.longitude - ${longitude}) / 2), 2)))`;
}

function upcoming(db: Executor, query: Omit<UpcomingQuery, 'after' | 'limit'>) {
  return db
    .selectFrom('events')
    .where('events.cancelled_at', 'is', null)
    .where('events.ends_at', '>', query.now)
    .where(visibleEvent)
    .$if(query.networkId !== null, (qb) => qb.where('events.network_id', '=', query.networkId!))
    .$if(query.near !== null, (qb) =>
      qb.where(distanceKm(query.near!.latitude, query.near!.longitude), '<=', query.near!.withinKm),
    )
    .$if(query.categories.length > 0, (qb) =>
      qb.where(sql<SqlBool>`events.categories && cast(${arrayLiteral(query.categories)} as support_category[])`),
    );
}

/** Events not yet over and not cancelled, soonest first; a page of `limit + 1` rows. */
export async function listUpcoming(db: Executor, query: UpcomingQuery): Promise<EventRecord[]> {
  const { after } = query;
  return upcoming(db, query)
    .select(EVENT_COLUMNS)
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('events.starts_at', '>', after!.startsAt),
          eb.and([eb('events.starts_at', '=', after!.startsAt), eb('events.id', '>', after!.id)]),
        ]),
      ),
    )
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(query.limit + 1)
    .execute();
}

export async function countUpcoming(db: Executor, query: Omit<UpcomingQuery, 'after' | 'limit'>): Promise<number> {
  const row = await upcoming(db, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// Registrations.

export interface Answer {
  questionId: string;
  answer: string;
}

export interface RegistrationRecord {
  id: string;
  eventId: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  registeredBy: string | null;
  status: RegistrationStatus;
  /** 1..N among those waiting, in the order they joined; null unless waiting. */
  waitlistPosition: number | null;
  claimBy: Date | null;
  accessNeeds: string;
  dietaryNeeds: string;
  answers: Answer[];
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The seat-holding statuses: what the trigger counts as a seat taken. */
export const HOLDS_SEAT: readonly RegistrationStatus[] = ['CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW'];

/**
 * A waiting registration's place in its event's queue, counted as it is read: those of the
 * event waiting since no later than it. Positions are 1..N with no gaps whoever leaves.
 */
const waitlistPosition = sql<number | null>`case when registrations.status = 'WAITLISTED' then (
    select count(*)::int from registrations w
    where w.event_id = registrations.event_id and w.status = 'WAITLISTED'
      and w.queue_number <= registrations.queue_number) end`;

const REGISTRATION_COLUMNS = [
  'registrations.id',
  'registrations.event_id as eventId',
  'registrations.user_id as userId',
  'registrations.name',
  'registrations.email',
  'registrations.phone',
  'registrations.registered_by as registeredBy',
  'registrations.status',
  waitlistPosition.as('waitlistPosition'),
  'registrations.claim_by as claimBy',
  'registrations.access_needs as accessNeeds',
  'registrations.dietary_needs as dietaryNeeds',
  sql<Answer[]>`registrations.answers`.as('answers'),
  'registrations.checked_in_at as checkedInAt',
  'registrations.cancelled_at as cancelledAt',
  'registrations.created_at as createdAt',
  'registrations.updated_at as updatedAt',
] as const;

export async function getRegistrationsByIds(db: Executor, ids: readonly string[]): Promise<RegistrationRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('registrations').select(REGISTRATION_COLUMNS).where('id', 'in', ids).execute();
}

/** One person's registrations for these events (any status). */
export async function getRegistrationsOfUser(
  db: Executor,
  userId: string,
  eventIds: readonly string[],
): Promise<RegistrationRecord[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('registrations')
    .select(REGISTRATION_COLUMNS)
    .where('user_id', '=', userId)
    .where('event_id', 'in', eventIds)
    .execute();
}

/**
 * A live registration an organiser made for someone without an account with this email or phone:
 * the same person, registered again by a second organiser at the door, say.
 */
export async function findOnBehalfRegistration(
  db: Executor,
  eventId: string,
  contact: { email: string | null; phone: string | null },
): Promise<RegistrationRecord | undefined> {
  if (!contact.email && !contact.phone) return undefined;
  return db
    .selectFrom('registrations')
    .select(REGISTRATION_COLUMNS)
    .where('event_id', '=', eventId)
    .where('user_id', 'is', null)
    .where('status', '<>', 'CANCELLED')
    .where((eb) =>
      eb.or([
        ...(contact.email ? [eb(eb.fn('lower', ['email']), '=', contact.email.toLowerCase())] : []),
        ...(contact.phone ? [eb('phone', '=', contact.phone)] : []),
      ]),
    )
    .executeTakeFirst();
}

/** Every registration of a person, for their data export, oldest first. */
export async function listRegistrationsOfUser(db: Executor, userId: string): Promise<RegistrationRecord[]> {
  return db
    .selectFrom('registrations')
    .select(REGISTRATION_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('registrations.created_at')
    .execute();
}

/** The roles a person took or was given, for their data export. */
export async function listRolesOfUser(
  db: Executor,
  userId: string,
): Promise<Array<{ eventId: string; role: string; note: string; createdAt: Date }>> {
  return db
    .selectFrom('event_roles')
    .select(['event_id as eventId', 'role', 'note', 'created_at as createdAt'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** A person's registrations still holding or waiting for a seat, in events not yet over, by event. */
export async function getLiveRegistrationsOfUser(
  db: Executor,
  userId: string,
  now: Date,
): Promise<RegistrationRecord[]> {
  return db
    .selectFrom('registrations')
    .innerJoin('events', 'events.id', 'registrations.event_id')
    .select(REGISTRATION_COLUMNS)
    .where('registrations.user_id', '=', userId)
    .where('registrations.status', 'in', ['CONFIRMED', 'WAITLISTED', 'OFFERED'])
    .where('events.ends_at', '>', now)
    .orderBy('registrations.event_id')
    .execute();
}

export interface NewRegistration {
  eventId: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  registeredBy: string | null;
  accessNeeds: string;
  dietaryNeeds: string;
  answers: Answer[];
  /** Waiting registrations draw their place in the queue from the sequence. */
  status: 'CONFIRMED' | 'WAITLISTED';
  now: Date;
}

const queueNumber = (status: RegistrationStatus) =>
  status === 'WAITLISTED' ? sql<string>`nextval('registrations_queue_seq')` : null;

/**
 * Writes a registration; a person's cancelled one for the event is taken up again, as new. Null
 * when the person holds a live registration already (the caller reads that one instead).
 */
export async function upsertRegistration(
  db: Executor,
  registration: NewRegistration,
): Promise<RegistrationRecord | null> {
  const columns = {
    name: registration.name,
    email: registration.email,
    phone: registration.phone,
    registered_by: registration.registeredBy,
    status: registration.status,
    queue_number: queueNumber(registration.status),
    claim_by: null,
    access_needs: registration.accessNeeds,
    dietary_needs: registration.dietaryNeeds,
    answers: sql<string>`${JSON.stringify(registration.answers)}::text::jsonb`,
    checked_in_at: null,
    cancelled_at: null,
    updated_at: registration.now,
  };
  const row = await db
    .insertInto('registrations')
    .values({ ...columns, event_id: registration.eventId, user_id: registration.userId, created_at: registration.now })
    .onConflict((oc) =>
      oc
        .columns(['event_id', 'user_id'])
        .doUpdateSet({ ...columns, created_at: registration.now })
        .where('registrations.status', '=', 'CANCELLED'),
    )
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  const [written] = await getRegistrationsByIds(db, [row.id]);
  return written!;
}

/** Cancels a live registration; null when it was cancelled already. */
export async function cancelRegistration(db: Executor, id: string, now: Date): Promise<RegistrationRecord | null> {
  const row = await db
    .updateTable('registrations')
    .set({ status: 'CANCELLED', cancelled_at: now, queue_number: null, claim_by: null, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['CONFIRMED', 'WAITLISTED', 'OFFERED'])
    .returning('id')
    .executeTakeFirst();
  return row ? (await getRegistrationsByIds(db, [row.id]))[0]! : null;
}

/** Confirms an offered seat still within its time; null otherwise. */
export async function claimOffer(db: Executor, id: string, now: Date): Promise<RegistrationRecord | null> {
  const row = await db
    .updateTable('registrations')
    .set({ status: 'CONFIRMED', claim_by: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'OFFERED')
    .where('claim_by', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row ? (await getRegistrationsByIds(db, [row.id]))[0]! : null;
}

/** Marks a seat holder as come; null when the registration holds no seat to come to. */
export async function checkIn(db: Executor, id: string, now: Date): Promise<RegistrationRecord | null> {
  const row = await db
    .updateTable('registrations')
    .set({ status: 'ATTENDED', checked_in_at: now, claim_by: null, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['CONFIRMED', 'OFFERED', 'NO_SHOW'])
    .returning('id')
    .executeTakeFirst();
  return row ? (await getRegistrationsByIds(db, [row.id]))[0]! : null;
}

/** Takes back a check-in made by mistake: the seat is held again. Null when it was not checked in. */
export async function undoCheckIn(db: Executor, id: string, now: Date): Promise<RegistrationRecord | null> {
  const row = await db
    .updateTable('registrations')
    .set({ status: 'CONFIRMED', checked_in_at: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'ATTENDED')
    .returning('id')
    .executeTakeFirst();
  return row ? (await getRegistrationsByIds(db, [row.id]))[0]! : null;
}

/** Marks everyone holding a seat and not checked in as not come; returns how many. */
export async function markNoShows(db: Executor, eventId: string, now: Date): Promise<number> {
  const rows = await db
    .updateTable('registrations')
    .set({ status: 'NO_SHOW', claim_by: null, updated_at: now })
    .where('event_id', '=', eventId)
    .where('status', 'in', ['CONFIRMED', 'OFFERED'])
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Moves the first `count` people waiting for the event, in queue order, to `status`: CONFIRMED,
 * or OFFERED until `claimBy`. The caller holds the event's lock, so nobody else moves them.
 */
export async function promoteWaiting(
  db: Executor,
  eventId: string,
  count: number,
  promotion: { status: 'CONFIRMED' } | { status: 'OFFERED'; claimBy: Date },
  now: Date,
): Promise<RegistrationRecord[]> {
  if (count <= 0) return [];
  const first = db
    .selectFrom('registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'WAITLISTED')
    .orderBy('queue_number')
    .limit(count);
  const rows = await db
    .updateTable('registrations')
    .set({
      status: promotion.status,
      queue_number: null,
      claim_by: promotion.status === 'OFFERED' ? promotion.claimBy : null,
      updated_at: now,
    })
    .where('id', 'in', first)
    .returning('id')
    .execute();
  const promoted = await getRegistrationsByIds(
    db,
    rows.map((row) => row.id),
  );
  return promoted.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.id.localeCompare(b.id));
}

/** Offers of the event whose time ran out, cancelled; the caller holds the event's lock. */
export async function lapseOffers(db: Executor, eventId: string, now: Date): Promise<RegistrationRecord[]> {
  const rows = await db
    .updateTable('registrations')
    .set({ status: 'CANCELLED', cancelled_at: now, claim_by: null, updated_at: now })
    .where('event_id', '=', eventId)
    .where('status', '=', 'OFFERED')
    .where('claim_by', '<=', now)
    .returning('id')
    .execute();
  return getRegistrationsByIds(
    db,
    rows.map((row) => row.id),
  );
}

/** Events with an offer past its time, up to `limit`, earliest offer first. */
export async function eventsWithLapsedOffers(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('registrations')
    .select('event_id')
    .where('status', '=', 'OFFERED')
    .where('claim_by', '<=', now)
    .groupBy('event_id')
    .orderBy(sql`min(claim_by)`)
    .limit(limit)
    .execute();
  return rows.map((row) => row.event_id);
}

/** The people with an account registered for the event in one of these statuses. */
export async function userIdsRegistered(
  db: Executor,
  eventId: string,
  statuses: readonly RegistrationStatus[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('registrations')
    .select('user_id')
    .where('event_id', '=', eventId)
    .where('status', 'in', statuses)
    .where('user_id', 'is not', null)
    .execute();
  return rows.map((row) => row.user_id!);
}

export interface RegistrationListQuery {
  eventId: string;
  status: RegistrationStatus | null;
  /** The last row's sort key: its queue number when listing the waitlist, else its id. */
  after: string | null;
  limit: number;
}

/** Waiting people in queue order; any other status in the order they registered. */
const byQueue = (query: RegistrationListQuery) => query.status === 'WAITLISTED';

function registrationsOfEvent(db: Executor, query: Omit<RegistrationListQuery, 'after' | 'limit'>) {
  return db
    .selectFrom('registrations')
    .where('registrations.event_id', '=', query.eventId)
    .$if(query.status !== null, (qb) => qb.where('registrations.status', '=', query.status!));
}

export async function listRegistrations(
  db: Executor,
  query: RegistrationListQuery,
): Promise<Array<RegistrationRecord & { queueNumber: string | null }>> {
  const { after } = query;
  const sortKey = (): Expression<string> =>
    byQueue(query) ? sql<string>`registrations.queue_number` : sql<string>`registrations.id`;
  return registrationsOfEvent(db, query)
    .select([...REGISTRATION_COLUMNS, sql<string | null>`registrations.queue_number::text`.as('queueNumber')])
    .$if(after !== null, (qb) =>
      qb.where(
        byQueue(query)
          ? sql<SqlBool>`registrations.queue_number > cast(${after} as bigint)`
          : sql<SqlBool>`registrations.id > cast(${after} as uuid)`,
      ),
    )
    .orderBy(sortKey())
    .limit(query.limit + 1)
    .execute();
}

export async function countRegistrations(
  db: Executor,
  query: Omit<RegistrationListQuery, 'after' | 'limit'>,
): Promise<number> {
  const row = await registrationsOfEvent(db, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// For calendar files

/** A network's events starting at or after `since`, cancelled ones too, soonest first; at most `limit`. */
export async function listNetworkEventsSince(
  db: Executor,
  networkId: string,
  since: Date,
  limit: number,
): Promise<EventRecord[]> {
  return db
    .selectFrom('events')
    .select(EVENT_COLUMNS)
    .where('events.network_id', '=', networkId)
    .where('events.starts_at', '>=', since)
    .where(visibleEvent)
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}

/**
 * The events a person holds a registration for in one of `statuses`, starting at or after
 * `since`, soonest first, each with the registration's status; at most `limit`.
 */
export async function listRegisteredEventsSince(
  db: Executor,
  userId: string,
  statuses: readonly RegistrationStatus[],
  since: Date,
  limit: number,
): Promise<Array<EventRecord & { registrationStatus: RegistrationStatus }>> {
  if (statuses.length === 0) return [];
  return db
    .selectFrom('registrations')
    .innerJoin('events', 'events.id', 'registrations.event_id')
    .select([...EVENT_COLUMNS, 'registrations.status as registrationStatus'])
    .where('registrations.user_id', '=', userId)
    .where('registrations.status', 'in', statuses)
    .where('events.starts_at', '>=', since)
    .where(visibleEvent)
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}

// Volunteer roles

export type { EventRole } from '../../db/schema.ts';

export interface EventRoleRecord {
  id: string;
  eventId: string;
  role: EventRole;
  userId: string;
  note: string;
  assignedBy: string | null;
  createdAt: Date;
}

const EVENT_ROLE_COLUMNS = [
  'event_roles.id',
  'event_roles.event_id as eventId',
  'event_roles.role',
  'event_roles.user_id as userId',
  'event_roles.note',
  'event_roles.assigned_by as assignedBy',
  'event_roles.created_at as createdAt',
] as const;

/** The roles of these events, each event's in the order they were taken. */
export async function getRolesOfEvents(db: Executor, eventIds: readonly string[]): Promise<EventRoleRecord[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_roles')
    .select(EVENT_ROLE_COLUMNS)
    .where('event_id', 'in', eventIds)
    .orderBy('event_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findEventRole(db: Executor, id: string): Promise<EventRoleRecord | undefined> {
  return db.selectFrom('event_roles').select(EVENT_ROLE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * Records a person in a role at an event, only while they are a member of the event's network
 * (`memberOfNetwork`, from the memberships module, is checked in the same statement). Held already:
 * the one they hold. Null when they are not a member.
 */
export async function insertEventRole(
  db: Executor,
  role: {
    eventId: string;
    role: EventRole;
    userId: string;
    note: string;
    assignedBy: string | null;
    now: Date;
    memberOfNetwork: IdCondition;
  },
): Promise<EventRoleRecord | null> {
  const inserted = await db
    .insertInto('event_roles')
    .columns(['event_id', 'role', 'user_id', 'note', 'assigned_by', 'created_at'])
    .expression(
      db
        .selectNoFrom([
          sql<string>`cast(${role.eventId} as uuid)`.as('event_id'),
          sql<EventRole>`cast(${role.role} as event_role)`.as('role'),
          sql<string>`cast(${role.userId} as uuid)`.as('user_id'),
          sql<string>`cast(${role.note} as text)`.as('note'),
          sql<string | null>`cast(${role.assignedBy} as uuid)`.as('assigned_by'),
          sql<Date>`cast(${role.now} as timestamptz)`.as('created_at'),
        ])
        .where(role.memberOfNetwork(sql<string>`cast(${role.userId} as uuid)`)),
    )
    .onConflict((oc) => oc.constraint('event_roles_once_per_person').doNothing())
    .returning(EVENT_ROLE_COLUMNS)
    .executeTakeFirst();
  if (inserted) return inserted;
  // Nothing written: held already (by this request or one racing it), or not a member.
  const held = await db
    .selectFrom('event_roles')
    .select(EVENT_ROLE_COLUMNS)
    .where('event_id', '=', role.eventId)
    .where('role', '=', role.role)
    .where('user_id', '=', role.userId)
    .executeTakeFirst();
  return held ?? null;
}

export async function deleteEventRole(db: Executor, id: string): Promise<EventRoleRecord | null> {
  const row = await db.deleteFrom('event_roles').where('id', '=', id).returning(EVENT_ROLE_COLUMNS).executeTakeFirst();
  return row ?? null;
}

/** How many roles each person held at the network's events starting at or after `since`, by role. */
export async function countRolesOfNetwork(
  db: Executor,
  networkId: string,
  since: Date,
): Promise<Array<{ userId: string; role: EventRole; count: number }>> {
  const rows = await db
    .selectFrom('event_roles')
    .innerJoin('events', 'events.id', 'event_roles.event_id')
    .select(['event_roles.user_id as userId', 'event_roles.role', (eb) => eb.fn.countAll<string>().as('count')])
    .where('events.network_id', '=', networkId)
    .where('events.starts_at', '>=', since)
    .where('events.cancelled_at', 'is', null)
    .groupBy(['event_roles.user_id', 'event_roles.role'])
    .orderBy('event_roles.user_id')
    .orderBy('event_roles.role')
    .execute();
  return rows.map((row) => ({ userId: row.userId, role: row.role, count: Number(row.count) }));
}

// Reminders

/** A seat holder claimed for the day-before reminder. */
export interface ReminderClaim {
  registrationId: string;
  eventId: string;
  userId: string;
  status: RegistrationStatus;
  claimBy: Date | null;
}

/**
 * Claims up to `limit` seat holders to remind, by setting their reminded_at: people with an
 * account holding a confirmed seat, or an offered one still open to claim, for an event not
 * cancelled that starts after `now` and within `until`. Rows another copy is claiming are
 * skipped, not waited for, and a row claimed once is never claimed again (reminded_at is set);
 * call inside the transaction that writes the reminders, so a failure leaves them unclaimed.
 * Registrations made in the last hour before the start are left out: see reminders.ts.
 */
export async function claimReminders(
  db: Executor,
  claim: { now: Date; until: Date; lateRegistrationMs: number; limit: number },
): Promise<ReminderClaim[]> {
  const lateSeconds = claim.lateRegistrationMs / 1000;
  return db
    .with('due', (qb) =>
      qb
        .selectFrom('registrations')
        .innerJoin('events', 'events.id', 'registrations.event_id')
        .select('registrations.id')
        .where('registrations.reminded_at', 'is', null)
        .where('registrations.user_id', 'is not', null)
        .where('registrations.status', 'in', ['CONFIRMED', 'OFFERED'])
        .where((eb) =>
          eb.or([eb('registrations.status', '=', 'CONFIRMED'), eb('registrations.claim_by', '>', claim.now)]),
        )
        .where('events.cancelled_at', 'is', null)
        .where(visibleEvent)
        .where('events.starts_at', '>', claim.now)
        .where('events.starts_at', '<=', claim.until)
        .where(sql<SqlBool>`registrations.created_at <= events.starts_at - make_interval(secs => ${lateSeconds})`)
        .orderBy('registrations.id')
        .limit(claim.limit)
        .forUpdate('registrations')
        .skipLocked(),
    )
    .updateTable('registrations')
    .from('due')
    .whereRef('registrations.id', '=', 'due.id')
    .where('registrations.reminded_at', 'is', null)
    .set({ reminded_at: claim.now })
    .returning([
      'registrations.id as registrationId',
      'registrations.event_id as eventId',
      sql<string>`registrations.user_id`.as('userId'),
      'registrations.status',
      'registrations.claim_by as claimBy',
    ])
    .execute();
}
