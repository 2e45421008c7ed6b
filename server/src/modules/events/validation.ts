// What an organiser may set on an event, checked field by field: every problem is reported at
// once, each naming its field, so a form can show them all beside their fields.
import { badInput, InputProblems } from '../../core/errors.ts';
import { cleanText } from '../../core/text.ts';
import type { EventFields, EventFormat, EventQuestion, SeatPromotion, SupportCategory } from './repository.ts';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 5000;
/**
 * Seats per event. The largest gatherings of a place-based network are conferences of a few
 * hundred; 5,000 leaves room for those while refusing a typo such as 100,000.
 */
export const CAPACITY_MAX = 5000;
export const QUESTIONS_MAX = 10;
export const QUESTION_MAX = 200;
export const CATEGORIES_MAX = 8;
export const ONLINE_URL_MAX = 500;
/** Longer than a residential course; a run of dated sessions is a series, not one event. */
export const LONGEST_EVENT_DAYS = 31;
export const CLAIM_HOURS = { default: 24, min: 1, max: 168 } as const;
export const REASON_MAX = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuestionInput {
  /** Kept from the event's current questions, so answers given to it stay tied to it. */
  id?: string | null;
  prompt: string;
  required?: boolean | null;
}

/** An event as its form sends it; on an edit, what is left out keeps its value. */
export interface EventInput {
  title: string;
  description?: string | null;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueId?: string | null;
  onlineUrl?: string | null;
  capacity: number;
  promotion?: SeatPromotion | null;
  claimHours?: number | null;
  categories?: readonly SupportCategory[] | null;
  questions?: readonly QuestionInput[] | null;
}

/**
 * The IANA time zone, as the runtime's time zone data spells it. Offsets such as "+01:00" are
 * refused: they say nothing of summer time, so a calendar would show the event an hour out for
 * half the year.
 */
export function validTimeZone(raw: string, field = 'timeZone'): string {
  const typed = raw.trim();
  const refuse = () =>
    badInput(field, `"${typed.slice(0, 64)}" is not a time zone we know. Use an IANA name such as Europe/London.`);
  if (typed === '' || /^[+-]/.test(typed) || typed.length > 64) throw refuse();
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    throw refuse();
  }
}

/** A web address people can open: http or https, with a host. */
export function validOnlineUrl(raw: string, field = 'onlineUrl'): string | null {
  const typed = raw.trim();
  if (typed === '') return null;
  if (typed.length > ONLINE_URL_MAX)
    throw badInput(field, `Keep the online link to ${ONLINE_URL_MAX} characters or fewer.`);
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw badInput(field, 'Enter the online link in full, starting with https://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badInput(field, 'Use a web link starting with https:// for the online link.');
  }
  return url.href;
}

export function validCapacity(capacity: number, field = 'capacity'): number {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > CAPACITY_MAX) {
    throw badInput(field, `Give a capacity from 1 to ${CAPACITY_MAX.toLocaleString('en-GB')} people.`);
  }
  return capacity;
}

function validQuestions(
  questions: readonly QuestionInput[],
  current: readonly EventQuestion[],
  newId: () => string,
): EventQuestion[] {
  if (questions.length > QUESTIONS_MAX) throw badInput('questions', `Ask at most ${QUESTIONS_MAX} questions.`);
  const known = new Set(current.map((question) => question.id));
  const kept = new Set<string>();
  return questions.map((question) => {
    const prompt = cleanText('questions', question.prompt, {
      label: 'question',
      max: QUESTION_MAX,
      required: 'Write each question, or remove the empty one.',
    });
    const id = question.id && known.has(question.id) && !kept.has(question.id) ? question.id : newId();
    kept.add(id);
    return { id, prompt, required: question.required ?? false };
  });
}

function validCategories(categories: readonly SupportCategory[]): SupportCategory[] {
  const distinct = [...new Set(categories)];
  if (distinct.length > CATEGORIES_MAX)
    throw badInput('categories', `Choose at most ${CATEGORIES_MAX} kinds of support.`);
  return distinct;
}

function validClaimHours(promotion: SeatPromotion, claimHours: number | null | undefined): number | null {
  if (promotion === 'AUTO_CONFIRM') return null;
  const hours = claimHours ?? CLAIM_HOURS.default;
  if (!Number.isInteger(hours) || hours < CLAIM_HOURS.min || hours > CLAIM_HOURS.max) {
    throw badInput(
      'claimHours',
      `Give people ${CLAIM_HOURS.min} to ${CLAIM_HOURS.max} hours to claim a seat offered to them.`,
    );
  }
  return hours;
}

export interface TimeRules {
  now: Date;
  /** Whether the start must be in the future: on a new event, or when an edit moves it. */
  startMustBeAhead: boolean;
}

/** The start and end, in order, not in the past, and not longer than LONGEST_EVENT_DAYS. */
function checkTimes(problems: InputProblems, startsAt: Date, endsAt: Date, rules: TimeRules): void {
  if (Number.isNaN(startsAt.getTime())) problems.add('startsAt', 'Give the date and time the event starts.');
  else if (rules.startMustBeAhead && startsAt <= rules.now) {
    problems.add('startsAt', 'The start is in the past. Choose a date and time to come.');
  }
  if (Number.isNaN(endsAt.getTime())) problems.add('endsAt', 'Give the date and time the event ends.');
  else if (endsAt <= startsAt) problems.add('endsAt', 'The end is before the start. Choose an end after the start.');
  else if (endsAt.getTime() - startsAt.getTime() > LONGEST_EVENT_DAYS * DAY_MS) {
    problems.add('endsAt', `An event lasts at most ${LONGEST_EVENT_DAYS} days. For dates that repeat, make a series.`);
  }
}

/**
 * The event's fields, checked, but for the venue: whether it is in the network's directory is
 * the venues module's to say, so the caller checks it and passes what it found.
 */
export function validEvent(
  input: EventInput,
  current: readonly EventQuestion[],
  rules: TimeRules,
  newId: () => string = () => crypto.randomUUID(),
): { fields: EventFields; problems: InputProblems } {
  const problems = new InputProblems();
  const title = problems.check(() =>
    cleanText('title', input.title, { label: 'title', max: TITLE_MAX, required: 'Give the event a title.' }),
  );
  const description = problems.check(() =>
    cleanText('description', input.description ?? '', {
      label: 'description',
      max: DESCRIPTION_MAX,
      multiline: true,
    }),
  );
  checkTimes(problems, input.startsAt, input.endsAt, rules);
  const timeZone = problems.check(() => validTimeZone(input.timeZone));
  const onlineUrl = problems.check(() => (input.onlineUrl ? validOnlineUrl(input.onlineUrl) : null));
  if (!input.venueId && !onlineUrl && !problems.has('onlineUrl')) {
    problems.add('venueId', 'Choose a venue from the network’s directory, or give an online link.');
  }
  const capacity = problems.check(() => validCapacity(input.capacity));
  const promotion = input.promotion ?? 'AUTO_CONFIRM';
  const claimHours = problems.check(() => validClaimHours(promotion, input.claimHours));
  const categories = problems.check(() => validCategories(input.categories ?? []));
  const questions = problems.check(() => validQuestions(input.questions ?? [], current, newId));
  const fields: EventFields = {
    title: title ?? '',
    description: description ?? '',
    format: input.format,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: timeZone ?? '',
    venueId: input.venueId ?? null,
    onlineUrl: onlineUrl ?? null,
    capacity: capacity ?? 0,
    promotion,
    claimHours: claimHours ?? null,
    categories: categories ?? [],
    questions: questions ?? [],
  };
  return { fields, problems };
}

/** The reason given for cancelling, which everyone registered reads. */
export function validReason(raw: string): string {
  return cleanText('reason', raw, {
    label: 'reason',
    max: REASON_MAX,
    multiline: true,
    required: 'Say why the event is cancelled: everyone registered is told.',
  });
}
