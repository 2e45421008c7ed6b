// What the events module tells people, through the notifications module. Each notice is written
// inside the transaction of the change it reports, so it exists if and only if the change
// commits; announce() tells open pages once the commit is done. Times are written in the event's
// own time zone, as the organiser planned it.
import type { ServiceContext } from '../../core/context.ts';
import * as memberships from '../memberships/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import type { EventRecord, RegistrationRecord, ReminderClaim } from './repository.ts';

type Notice = notifications.NotificationRequest;

/** A notification title holds 200 characters; an event's title is shortened to fit after the words. */
const titled = (words: string, event: Pick<EventRecord, 'title'>) => notifications.noticeTitle(words, event.title);

/** "Tuesday 1 December 2026, 18:30 GMT", in the event's time zone. */
export function inEventTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

const eventUrl = (event: Pick<EventRecord, 'id'>) => `/events/${event.id}`;

const notice = (userIds: readonly string[], title: string, url: string, body = ''): Notice => ({
  userIds,
  kind: 'EVENTS',
  title,
  body,
  url,
});

/** To each person moved off the waitlist: a seat confirmed, or offered to claim by a time. */
export function promoted(event: EventRecord, registrations: readonly RegistrationRecord[]): Notice[] {
  return registrations.flatMap((registration) => {
    if (!registration.userId) return [];
    if (registration.status === 'OFFERED') {
      return [
        notice(
          [registration.userId],
          titled('A seat is free for you', event),
          eventUrl(event),
          `Claim it by ${inEventTime(registration.claimBy!, event.timeZone)}, or it passes to the next person waiting.`,
        ),
      ];
    }
    return [
      notice(
        [registration.userId],
        titled('You have a seat', event),
        eventUrl(event),
        `A seat came free and it is yours. The event starts ${inEventTime(event.startsAt, event.timeZone)}.`,
      ),
    ];
  });
}

/** To each person whose offered seat passed to the next person waiting. */
export function lapsed(event: EventRecord, registrations: readonly RegistrationRecord[]): Notice[] {
  return registrations.flatMap((registration) =>
    registration.userId
      ? [
          notice(
            [registration.userId],
            titled('The seat offered to you has passed on', event),
            eventUrl(event),
            'It was not claimed in time, so it went to the next person waiting. Register again if you can still come.',
          ),
        ]
      : [],
  );
}

/** To everyone registered or waiting: the event will not happen, and why. */
export function cancelled(event: EventRecord, userIds: readonly string[]): Notice[] {
  if (userIds.length === 0) return [];
  return [notice(userIds, titled('Cancelled', event), eventUrl(event), event.cancelReason ?? '')];
}

/** To everyone registered or waiting: the time or the place changed. */
export function moved(
  before: EventRecord,
  after: EventRecord,
  userIds: readonly string[],
  placeInWords: string | null,
): Notice[] {
  if (userIds.length === 0) return [];
  const timeChanged =
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.timeZone !== after.timeZone;
  const placeChanged = before.venueId !== after.venueId || before.onlineUrl !== after.onlineUrl;
  if (!timeChanged && !placeChanged) return [];
  const lines = [
    timeChanged ? `It now starts ${inEventTime(after.startsAt, after.timeZone)}.` : null,
    placeChanged
      ? placeInWords
        ? `It is now at ${placeInWords}.`
        : 'Its place has changed: see the event page.'
      : null,
  ].filter((line) => line !== null);
  const words = timeChanged && placeChanged ? 'New time and place' : timeChanged ? 'New time' : 'New place';
  return [notice(userIds, titled(words, after), eventUrl(after), lines.join(' '))];
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

/**
 * The day before: to each person holding a seat (confirmed, or offered and not yet claimed).
 * "Today" when the event starts on the same calendar day as `now` in the event's zone, else
 * "Tomorrow" (a reminder goes out within 24 hours of the start, so it is one or the other).
 * `place` is the venue's name and address, or null for an event online or without a venue.
 */
export function reminded(
  event: EventRecord,
  claims: readonly ReminderClaim[],
  place: string | null,
  now: Date,
): Notice[] {
  const when = dayIn(event.startsAt, event.timeZone) === dayIn(now, event.timeZone) ? 'Today' : 'Tomorrow';
  const where = place ? `At ${place}.` : event.onlineUrl ? 'Online: the link is on the event page.' : '';
  const starts = `It starts ${inEventTime(event.startsAt, event.timeZone)}.`;
  return claims.map((claim) => {
    const lines =
      claim.status === 'OFFERED'
        ? [
            `A seat is offered to you: claim it on the event page by ${inEventTime(claim.claimBy!, event.timeZone)}, or it passes to the next person waiting.`,
            starts,
            where,
          ]
        : [starts, where, 'Can’t come? Give up your place so someone waiting can have it.'];
    return notice([claim.userId], titled(when, event), eventUrl(event), lines.filter(Boolean).join(' '));
  });
}

/** To the network's members who asked to hear of its new events: one made. */
export function newEvent(
  event: EventRecord,
  network: Pick<NetworkRecord, 'name'>,
  userIds: readonly string[],
): Notice[] {
  if (userIds.length === 0) return [];
  return [
    {
      ...notice(
        userIds,
        titled('New event', event),
        eventUrl(event),
        `${network.name} has a new event, starting ${inEventTime(event.startsAt, event.timeZone)}.`,
      ),
      kind: 'NEW_EVENTS',
    },
  ];
}

/**
 * Inside the transaction that made the event: tells the network's members who asked to hear of
 * its new events, except the person who made it. Hand the result to announce() after the commit.
 */
export async function tellNewEvent(
  ctx: ServiceContext,
  event: EventRecord,
  network: Pick<NetworkRecord, 'name'>,
): Promise<notifications.AddedNotifications> {
  const asked = await memberships.membersWithEventAlerts(ctx, event.networkId);
  return tell(
    ctx,
    newEvent(
      event,
      network,
      asked.filter((userId) => userId !== event.createdBy),
    ),
  );
}

/** Writes the notices on ctx.db, inside the caller's transaction. */
export function tell(ctx: ServiceContext, notices: readonly Notice[]): Promise<notifications.AddedNotifications> {
  return notifications.notifyEach(ctx, notices);
}

/** Tells the people's open pages, after the commit. */
export function announce(ctx: ServiceContext, added: notifications.AddedNotifications): Promise<void> {
  return notifications.announceAdded(ctx, added);
}
