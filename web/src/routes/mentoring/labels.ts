import type {
  MentoringFormat,
  MentorshipRequestStatus,
  MentorshipStatus,
  NeedStatus,
  NeedUrgency,
  OfferVisibility,
} from '#lib/graphql/generated.ts';
import { optionList } from '#lib/options.ts';

const FORMAT_WORDS = {
  VIDEO: { label: 'Video call' },
  PHONE: { label: 'Phone call' },
  IN_PERSON: { label: 'In person' },
} satisfies Record<MentoringFormat, { label: string; description?: string }>;

const URGENCY_WORDS = {
  THIS_WEEK: { label: 'This week' },
  THIS_MONTH: { label: 'This month' },
  NO_RUSH: { label: 'No rush', description: 'Whenever a mentor is free.' },
} satisfies Record<NeedUrgency, { label: string; description?: string }>;

const OFFER_VISIBILITY_WORDS = {
  SIGNED_IN: { label: 'Anyone signed in to Hearth' },
  SHARED_NETWORKS: { label: 'Only people in a network I belong to' },
} satisfies Record<OfferVisibility, { label: string }>;

const NEED_STATUS_WORDS = {
  OPEN: 'Looking for a mentor',
  MATCHED: 'Matched',
  CLOSED: 'Closed',
} satisfies Record<NeedStatus, string>;

const REQUEST_STATUS_WORDS = {
  PENDING: 'Waiting for an answer',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  EXPIRED: 'Expired: not answered in 7 days',
  WITHDRAWN: 'Withdrawn',
} satisfies Record<MentorshipRequestStatus, string>;

const MENTORSHIP_STATUS_WORDS = {
  ACTIVE: 'Under way',
  PAUSED: 'Paused',
  CLOSED: 'Ended',
} satisfies Record<MentorshipStatus, string>;

export const FORMATS = optionList(FORMAT_WORDS);
export const URGENCIES = optionList(URGENCY_WORDS);
export const OFFER_VISIBILITIES = optionList(OFFER_VISIBILITY_WORDS);

export const formatLabel = (format: MentoringFormat): string => FORMAT_WORDS[format].label;
export const urgencyLabel = (urgency: NeedUrgency): string => URGENCY_WORDS[urgency].label;
export const offerVisibilityLabel = (visibility: OfferVisibility): string => OFFER_VISIBILITY_WORDS[visibility].label;
export const needStatusLabel = (status: NeedStatus): string => NEED_STATUS_WORDS[status];
export const requestStatusLabel = (status: MentorshipRequestStatus): string => REQUEST_STATUS_WORDS[status];
export const mentorshipStatusLabel = (status: MentorshipStatus): string => MENTORSHIP_STATUS_WORDS[status];

/** "video call, phone call or in person": how a list of formats reads in a sentence. */
export function formatsInWords(formats: readonly MentoringFormat[]): string {
  const words = formats.map((format) => FORMAT_WORDS[format].label.toLowerCase());
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * How a mentor meets, as a sentence ends: "by video call or phone call, or in person within 10 km
 * of Cardiff"; the place only when they meet in person.
 */
export function meetingInWords(offer: {
  formats: readonly MentoringFormat[];
  placeName?: string | null | undefined;
  radiusKm?: number | null | undefined;
}): string {
  const distant = offer.formats.filter((format) => format !== 'IN_PERSON');
  const inPerson = offer.formats.includes('IN_PERSON')
    ? offer.placeName
      ? `in person within ${offer.radiusKm} km of ${offer.placeName}`
      : 'in person'
    : null;
  const byDistance = distant.length > 0 ? `by ${formatsInWords(distant)}` : null;
  return [byDistance, inPerson].filter(Boolean).join(', or ');
}
