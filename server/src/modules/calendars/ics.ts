// Builds iCalendar files (RFC 5545) with ical-generator: it escapes and folds, so nothing here
// does. Times go out as local times of the event's IANA zone (DTSTART;TZID=Europe/London:…),
// with that zone's VTIMEZONE from timezones-ical-library, so calendar apps keep an event at its
// local time across clock changes. Pure: no I/O; the service decides what each file may show.
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { CalendarEvent } from '../events/service.ts';

/** How often a subscribed calendar app should fetch a feed again. */
export const FEED_REFRESH_SECONDS = 60 * 60;

const PRODUCT_ID = { company: 'Hearth', product: 'Hearth calendars', language: 'EN' };

/** An event with what the file says of its place: the venue's name and address, if it has one. */
export interface IcsEntry {
  event: CalendarEvent;
  venue: { name: string; address: string } | null;
}

export interface IcsCalendar {
  /** The calendar's name (a feed's); null for a single event's file. */
  name: string | null;
  entries: readonly IcsEntry[];
  /** Where event pages live: `${origin}/events/<id>`. */
  origin: string;
  now: Date;
  /** Feeds: ask apps to fetch them again this often. */
  refreshSeconds?: number;
}

/** The zone's VTIMEZONE block, or null for a zone the library does not know (then only TZID is given). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && typeof block[0] === 'string' && block[0].includes('BEGIN:VTIMEZONE') ? block[0] : null;
}

/** The instant as a time in the zone: ical-generator writes it as that zone's wall-clock time. */
function zoned(at: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
}

const PREFIX: Partial<Record<NonNullable<CalendarEvent['registrationStatus']>, string>> = {
  WAITLISTED: 'Waitlisted: ',
  OFFERED: 'Seat offered: ',
};

function summary(event: CalendarEvent): string {
  if (event.cancelledAt) return `Cancelled: ${event.title}`;
  return `${(event.registrationStatus && PREFIX[event.registrationStatus]) ?? ''}${event.title}`;
}

function status(event: CalendarEvent): ICalEventStatus {
  if (event.cancelledAt) return ICalEventStatus.CANCELLED;
  if (event.registrationStatus === 'WAITLISTED' || event.registrationStatus === 'OFFERED') {
    return ICalEventStatus.TENTATIVE;
  }
  return ICalEventStatus.CONFIRMED;
}

function description(event: CalendarEvent, pageUrl: string): string {
  const parts: string[] = [];
  if (event.cancelledAt) parts.push(`This event is cancelled${event.cancelReason ? `: ${event.cancelReason}` : '.'}`);
  if (event.registrationStatus === 'WAITLISTED') parts.push('You are on the waitlist for this event.');
  if (event.registrationStatus === 'OFFERED') parts.push('A seat is offered to you: claim it on the event page.');
  if (event.description) parts.push(event.description);
  if (event.onlineUrl) parts.push(`Join online: ${event.onlineUrl}`);
  parts.push(`Event page: ${pageUrl}`);
  return parts.join('\n\n');
}

function eventData(entry: IcsEntry, origin: string, now: Date): ICalEventData {
  const { event, venue } = entry;
  const pageUrl = `${origin}/events/${event.id}`;
  return {
    id: `${event.id}@hearth`,
    // Rises with every change (whole seconds since the event was made), so apps take the newer copy.
    sequence: Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000)),
    stamp: now,
    created: event.createdAt,
    lastModified: event.updatedAt,
    start: zoned(event.startsAt, event.timeZone),
    end: zoned(event.endsAt, event.timeZone),
    timezone: event.timeZone,
    summary: summary(event),
    description: description(event, pageUrl),
    location: venue
      ? [venue.name, ...venue.address.split(/\r?\n/)]
          .map((line) => line.trim())
          .filter(Boolean)
          .join(', ')
      : null,
    url: pageUrl,
    status: status(event),
  };
}

/** The calendar file's text. */
export function icsText(calendar: IcsCalendar): string {
  const file = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: calendar.name,
    // No calendar-wide zone; the generator writes a VTIMEZONE for each zone the events use.
    timezone: { name: null, generator: vtimezone },
    ttl: calendar.refreshSeconds ?? null,
  });
  for (const entry of calendar.entries) file.createEvent(eventData(entry, calendar.origin, calendar.now));
  return file.toString();
}
