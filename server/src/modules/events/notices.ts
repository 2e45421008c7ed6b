// What the events module tells people, through the notifications module. Each notice is written
// inside the transaction of the change it reports, so it exists if and only if the change
// commits; announce() tells open pages once the commit is done. Times are written in the event's
// own time zone, as the organiser planned it.
import type { ServiceContext } from '../../core/context.ts';
import * as notifications from '../notifications/service.ts';
import type { EventRecord, RegistrationRecord } from './repository.ts';

type Notice = notifications.NotificationRequest;

/** A notification title holds 200 characters; an event's title is shortened to fit after the words. */
const TITLE_MAX = 200;

function titled(words: string, event: Pick<EventRecord, 'title'>): string {
  const full = `${words}: ${event.title}`;
  if (full.length <= TITLE_MAX) return full;
  let kept = '';
  // Whole characters only, so an emoji is never cut in half.
  for (const char of event.title) {
    if (words.length + 2 + kept.length + char.length + 1 > TITLE_MAX) break;
    kept += char;
  }
  return `${words}: ${kept.trimEnd()}…`;
}

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

/** Writes the notices on ctx.db, inside the caller's transaction. */
export function tell(ctx: ServiceContext, notices: readonly Notice[]): Promise<notifications.AddedNotifications> {
  return notifications.notifyEach(ctx, notices);
}

/** Tells the people's open pages, after the commit. */
export function announce(ctx: ServiceContext, added: notifications.AddedNotifications): Promise<void> {
  return notifications.announceAdded(ctx, added);
}
