import type {
  EventFormat,
  EventRoleKind,
  RegistrationStatus,
  RepeatPattern,
  SeatPromotion,
} from '#lib/graphql/generated.ts';
import { optionList } from '#lib/options.ts';

const FORMAT_WORDS = {
  TALKS_AND_NETWORKING: { label: 'Talks and networking', description: 'Talks, then time to talk to each other.' },
  WORKSHOP: { label: 'Workshop', description: 'Hands-on, in small groups.' },
  TRAINING: { label: 'Training', description: 'A course with a trainer.' },
  VIRTUAL_COFFEE: { label: 'Virtual coffee', description: 'An informal chat online.' },
  SOCIAL: { label: 'Social', description: 'Purely social.' },
} satisfies Record<EventFormat, { label: string; description?: string }>;

const REGISTRATION_STATUS_WORDS = {
  CONFIRMED: 'Has a place',
  WAITLISTED: 'On the waiting list',
  OFFERED: 'Offered a place',
  CANCELLED: 'Cancelled',
  ATTENDED: 'Came',
  NO_SHOW: 'Did not come',
} satisfies Record<RegistrationStatus, string>;

const PROMOTION_WORDS = {
  AUTO_CONFIRM: {
    label: 'Give the place straight away',
    description: 'When a place frees up, the first person waiting gets it and is told.',
  },
  CLAIM_WITHIN_HOURS: {
    label: 'Offer the place, to be claimed in time',
    description: 'The first person waiting must claim the place within the hours you set, or it passes on.',
  },
} satisfies Record<SeatPromotion, { label: string; description?: string }>;

const REPEAT_WORDS = {
  WEEKLY: { label: 'Every week', description: 'On the same weekday.' },
  FORTNIGHTLY: { label: 'Every other week', description: 'On the same weekday.' },
  MONTHLY_BY_WEEKDAY: {
    label: 'Every month, on the same weekday',
    description: 'Such as the first Tuesday. A date from the 29th on means the last such day.',
  },
  MONTHLY_BY_DATE: { label: 'Every month, on the same date', description: 'Such as the 14th.' },
} satisfies Record<RepeatPattern, { label: string; description?: string }>;

export const FORMATS = optionList(FORMAT_WORDS);
export const REPEATS = optionList(REPEAT_WORDS);
export const PROMOTIONS = optionList(PROMOTION_WORDS);
/** Registration statuses in the order an organiser reads them: who is coming first. */
export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_STATUS_WORDS) as RegistrationStatus[];
export const REGISTRATION_STATUS = REGISTRATION_STATUS_WORDS;

export const formatLabel = (format: EventFormat): string => FORMAT_WORDS[format].label;
export const promotionLabel = (promotion: SeatPromotion): string => PROMOTION_WORDS[promotion].label;
export const registrationStatusLabel = (status: RegistrationStatus): string => REGISTRATION_STATUS_WORDS[status];

const EVENT_ROLE_WORDS = {
  HOST: { label: 'Host' },
  SPEAKER: { label: 'Speaker' },
  FOOD: { label: 'Food' },
  DOOR: { label: 'On the door' },
  OTHER: { label: 'Other' },
} satisfies Record<EventRoleKind, { label: string }>;

/** The volunteer roles at an event, in the order they are offered. */
export const EVENT_ROLES = optionList(EVENT_ROLE_WORDS);
export const eventRoleLabel = (role: EventRoleKind): string => EVENT_ROLE_WORDS[role].label;
