import type { NotificationDelivery, NotificationKind } from '#lib/graphql/generated.ts';

/** What each kind is about, in the words of the preferences page. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  ACCOUNT: 'Your account: confirming your address, resetting your password, changing your address',
  SAFETY: 'Safety messages that concern you',
  NEW_MEMBER: 'Someone joins a network you steward',
  ROLE_CHANGED: 'Your role in a network changes',
  MENTORING: 'Mentoring: someone asks you to mentor them, a mentor answers you, or a mentorship ends',
  EVENTS:
    'Events you registered for: a seat comes free for you, the day-before reminder, or the event moves or is cancelled',
  NEW_EVENTS: 'A new event in a network where you asked to hear of them',
  LIBRARY: 'The library: an item waits for your review, or a reviewer decides on yours',
};

/** The three ways, each explained, in the order the page offers them. */
export const DELIVERY_OPTIONS: readonly { value: NotificationDelivery; label: string; description: string }[] = [
  {
    value: 'IMMEDIATE',
    label: 'Email me straight away',
    description: 'One email each time it happens. It also shows on your notifications page.',
  },
  {
    value: 'DAILY_DIGEST',
    label: 'Email me once a day',
    description: 'One email at 7 in the morning in your time zone, gathering everything since the last one.',
  },
  {
    value: 'IN_APP_ONLY',
    label: 'Do not email me',
    description: 'It shows only on your notifications page in Hearth.',
  },
];

export function isDelivery(value: string): value is NotificationDelivery {
  return DELIVERY_OPTIONS.some((option) => option.value === value);
}

/** What the emails of each kind are about, to finish "You will no longer get emails about …". */
export const KIND_TOPICS: Record<NotificationKind, string> = {
  ACCOUNT: 'your account',
  SAFETY: 'safety',
  NEW_MEMBER: 'people joining a network you steward',
  ROLE_CHANGED: 'changes to your role in a network',
  MENTORING: 'mentoring requests and answers',
  EVENTS: 'seats and changes to events you registered for',
  NEW_EVENTS: 'new events in networks where you asked to hear of them',
  LIBRARY: 'library reviews',
};

export function isKind(value: string): value is NotificationKind {
  return Object.hasOwn(KIND_TOPICS, value);
}

/**
 * The time zones a digest can follow, as the select offers them: the IANA names this server
 * knows, read as places ("America/New York"). Built on the server, so the page and the API agree.
 */
export function timeZoneOptions(): { value: string; label: string }[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
}
