// Reading events for calendar files (the calendars module builds them): one event, a network's
// feed, and a person's own feed. Events are public, so the first two carry no online link; a
// person's feed carries it for the events where they hold a confirmed seat, as Event.onlineUrl
// does. Nothing of a registration but its status leaves here: never needs, answers or contact.
import type { ServiceContext } from '../../core/context.ts';
import { eventsByIds } from './events.ts';
import * as repo from './repository.ts';
import type { EventRecord, RegistrationStatus } from './repository.ts';

/** How far back a feed reaches: recent past events stay in people's calendars. */
export const CALENDAR_PAST_DAYS = 90;
/** The most events one feed lists, oldest dropped first from the query's view (soonest first). */
export const CALENDAR_FEED_MAX = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The registrations a person's feed lists: every one still holding, waiting for or having had a seat. */
const IN_PERSON_FEED: readonly RegistrationStatus[] = ['CONFIRMED', 'OFFERED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW'];
/** Statuses that hold a confirmed seat: enough to be given the online link (as Event.onlineUrl). */
const CONFIRMED_SEAT: ReadonlySet<RegistrationStatus> = new Set(['CONFIRMED', 'ATTENDED', 'NO_SHOW']);

/** An event as a calendar file shows it. */
export interface CalendarEvent {
  id: string;
  networkId: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueId: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Only in a person's own feed, for an event where they hold a confirmed seat. */
  onlineUrl: string | null;
  /** The person's registration status, in their own feed; null in public files. */
  registrationStatus: RegistrationStatus | null;
}

function calendarEvent(
  event: EventRecord,
  onlineUrl: string | null,
  registrationStatus: RegistrationStatus | null,
): CalendarEvent {
  return {
    id: event.id,
    networkId: event.networkId,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venueId: event.venueId,
    cancelledAt: event.cancelledAt,
    cancelReason: event.cancelReason,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    onlineUrl,
    registrationStatus,
  };
}

function feedStart(ctx: ServiceContext): Date {
  return new Date(ctx.clock.now().getTime() - CALENDAR_PAST_DAYS * DAY_MS);
}

/**
 * One event for anyone, without its online link; null when there is none (or the id is not one),
 * or the network's stewards hid it.
 */
export async function publicCalendarEvent(ctx: ServiceContext, eventId: string): Promise<CalendarEvent | null> {
  const event = (await eventsByIds(ctx, [eventId])).get(eventId);
  return event && event.hiddenAt === null ? calendarEvent(event, null, null) : null;
}

/** A network's events from 90 days ago on, cancelled ones too, for anyone, without online links. */
export async function networkCalendarEvents(ctx: ServiceContext, networkId: string): Promise<CalendarEvent[]> {
  const events = await repo.listNetworkEventsSince(ctx.db, networkId, feedStart(ctx), CALENDAR_FEED_MAX);
  return events.map((event) => calendarEvent(event, null, null));
}

/**
 * The events a person is registered for (not cancelled) from 90 days ago on, with their status,
 * and the online link where they hold a confirmed seat. The caller has established that the
 * request speaks for `userId` (its feed's secret token).
 */
export async function personCalendarEvents(ctx: ServiceContext, userId: string): Promise<CalendarEvent[]> {
  const rows = await repo.listRegisteredEventsSince(ctx.db, userId, IN_PERSON_FEED, feedStart(ctx), CALENDAR_FEED_MAX);
  return rows.map((row) =>
    calendarEvent(row, CONFIRMED_SEAT.has(row.registrationStatus) ? row.onlineUrl : null, row.registrationStatus),
  );
}
