// The event form's fields and values: what its components and its server code share.
/** The time zone the form offers first: most of Hearth's networks meet in it. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** In the order they appear on the page, so the error summary reads top to bottom. */
export const EVENT_FIELDS = [
  'title',
  'format',
  'description',
  'date',
  'startTime',
  'endTime',
  'timeZone',
  'repeat',
  'repeatCount',
  'venueId',
  'onlineUrl',
  'capacity',
  'promotion',
  'claimHours',
  'categories',
  'questions',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** Question slots the form shows for a new event; an event asking more shows all of its own. */
export const QUESTION_SLOTS = 3;
/** A question's boxes: `question0`, `question0Required`, `question0Id`. */
export type QuestionKey = `question${number}` | `question${number}Required` | `question${number}Id`;
export type EventValues = Partial<Record<EventField | QuestionKey, string>>;

/** The venue select's value for an event with no venue. */
export const ONLINE_ONLY = 'ONLINE';

/** The repeat choice's value for a single event. */
export const ONCE = 'ONCE';

/** A new event's starting values. */
export const NEW_EVENT_VALUES: EventValues = {
  format: 'TALKS_AND_NETWORKING',
  timeZone: DEFAULT_TIME_ZONE,
  promotion: 'AUTO_CONFIRM',
  claimHours: '24',
  repeat: ONCE,
  repeatCount: '6',
};

/** How many question slots to show for these values. */
export function questionSlots(values: EventValues): number {
  let asked = 0;
  while (values[`question${asked}`] !== undefined || values[`question${asked}Id`] !== undefined) asked += 1;
  return Math.max(QUESTION_SLOTS, asked);
}
