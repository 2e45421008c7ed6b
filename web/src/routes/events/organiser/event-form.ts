// The event form, read on the server: what the create and edit pages share.
import type {
  CreateEventInput,
  EventFormat,
  ManagedEventDetailsFragment,
  SeatPromotion,
  SupportCategory,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { textField, type FormProblem } from '#lib/server/forms.ts';
import { timeZoneOptions } from '../../account/notifications/labels.ts';
import { SUPPORT_CATEGORIES } from '../../people/labels.ts';
import { FORMATS, PROMOTIONS, REPEATS } from '../labels.ts';
import {
  DEFAULT_TIME_ZONE,
  EVENT_FIELDS,
  ONCE,
  ONLINE_ONLY,
  type EventField,
  type EventValues,
  type QuestionKey,
} from './event-values.ts';
import { instantAt, wallClockAt, type WallClockProblem } from './zoned-time.ts';

/** Time zones for the select, Europe/London first: the zone most networks meet in. */
export function eventTimeZones(): { value: string; label: string }[] {
  const zones = timeZoneOptions();
  const first = zones.filter((zone) => zone.value === DEFAULT_TIME_ZONE);
  return [...first, ...zones.filter((zone) => zone.value !== DEFAULT_TIME_ZONE)];
}

/** The values as the form shows them, from a stored event. */
export function valuesOf(event: ManagedEventDetailsFragment): EventValues {
  const start = wallClockAt(event.startsAt, event.timeZone);
  const end = wallClockAt(event.endsAt, event.timeZone);
  const values: EventValues = {
    title: event.title,
    format: event.format,
    description: event.description,
    date: start.date,
    startTime: start.time,
    // An event ending on a later day is shown by its end time; the form asks one date.
    endTime: end.time,
    timeZone: event.timeZone,
    venueId: event.venue?.id ?? ONLINE_ONLY,
    onlineUrl: event.onlineUrl ?? '',
    capacity: String(event.capacity),
    promotion: event.promotion,
    claimHours: String(event.claimHours ?? 24),
    categories: event.categories.join(','),
  };
  event.questions.forEach((question, index) => {
    values[`question${index}`] = question.prompt;
    values[`question${index}Id`] = question.id;
    if (question.required) values[`question${index}Required`] = 'on';
  });
  return values;
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

const TIME_WORDS: Record<WallClockProblem, string> = {
  date: 'Enter the date as day, month and year, such as 2027-05-14.',
  time: 'Enter the time on a 24-hour clock, such as 18:30.',
  timeZone: 'Choose the time zone from the list.',
  skipped: 'The clocks go forward at that time, so it never happens there. Choose a time an hour later.',
};

/** The form's date and time in its time zone, as instants; the problems go to their fields. */
function readTimes(values: EventValues, errors: Partial<Record<EventField, string>>) {
  const date = values.date ?? '';
  const timeZone = values.timeZone ?? '';
  const start = instantAt(date, values.startTime ?? '', timeZone);
  const end = instantAt(date, values.endTime ?? '', timeZone);
  for (const [result, field] of [
    [start, 'startTime'],
    [end, 'endTime'],
  ] as const) {
    if (!('problem' in result)) continue;
    const at = result.problem === 'time' || result.problem === 'skipped' ? field : result.problem;
    errors[at] ??= at === 'date' && date.trim() === '' ? 'Enter the date the event is on.' : TIME_WORDS[result.problem];
  }
  return 'instant' in start && 'instant' in end ? { startsAt: start.instant, endsAt: end.instant } : null;
}

function readQuestions(form: FormData, values: EventValues) {
  const questions: NonNullable<CreateEventInput['questions']> = [];
  for (let slot = 0; slot < 50 && form.has(`question${slot}`); slot += 1) {
    const prompt = textField(form, `question${slot}`);
    const id = textField(form, `question${slot}Id`);
    const required = form.has(`question${slot}Required`);
    values[`question${slot}`] = prompt;
    if (id) values[`question${slot}Id`] = id;
    if (required) values[`question${slot}Required`] = 'on';
    // A slot left empty asks nothing: the form always shows a few.
    if (prompt.trim() === '') continue;
    questions.push({ prompt, required, ...(id ? { id } : {}) });
  }
  return questions;
}

/** Everything an event's form gives the API but the network, which only a new event names. */
export type EventFormInput = Omit<CreateEventInput, 'networkId'>;

/** The submitted form as the API's input, or the problems the page can name before asking it. */
export function readEventForm(
  form: FormData,
): { input: EventFormInput; values: EventValues } | { problem: FormProblem<EventField | QuestionKey> } {
  const ticked = form.getAll('categories').filter((value): value is string => typeof value === 'string');
  const values: EventValues = {};
  for (const field of EVENT_FIELDS) values[field] = textField(form, field);
  values.categories = ticked.join(',');
  const questions = readQuestions(form, values);
  const errors: Partial<Record<EventField, string>> = {};
  const format = parseOption(FORMATS, values.format);
  if (!format) errors.format = 'Choose what kind of event it is.';
  const times = readTimes(values, errors);
  const capacity = wholeNumber(values.capacity ?? '');
  if (capacity === null) errors.capacity = 'Enter how many seats there are as a whole number, such as 40.';
  const promotion: SeatPromotion = parseOption(PROMOTIONS, values.promotion) ?? 'AUTO_CONFIRM';
  const claimHours = promotion === 'CLAIM_WITHIN_HOURS' ? wholeNumber(values.claimHours ?? '') : null;
  if (promotion === 'CLAIM_WITHIN_HOURS' && claimHours === null) {
    errors.claimHours = 'Enter the hours to claim a seat as a whole number, such as 24.';
  }
  const repeat = readRepeat(values, errors);
  const categories = ticked
    .map((raw) => parseOption(SUPPORT_CATEGORIES, raw))
    .filter((category): category is SupportCategory => category !== null);
  if (!format || !times || capacity === null || Object.keys(errors).length > 0) return { problem: { values, errors } };
  const venueId = values.venueId === ONLINE_ONLY ? null : values.venueId || null;
  return {
    values,
    input: {
      title: values.title ?? '',
      description: values.description ?? '',
      format: format satisfies EventFormat,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      timeZone: values.timeZone ?? '',
      venueId,
      onlineUrl: values.onlineUrl?.trim() ? values.onlineUrl : null,
      capacity,
      promotion,
      ...(claimHours !== null ? { claimHours } : {}),
      categories,
      questions,
      ...(repeat ? { repeat } : {}),
    },
  };
}

/** A series' pattern and count, when the form has them and asks for one; null for a single event. */
function readRepeat(values: EventValues, errors: Partial<Record<EventField, string>>) {
  if (values.repeat === undefined || values.repeat === '' || values.repeat === ONCE) return null;
  const pattern = parseOption(REPEATS, values.repeat);
  if (!pattern) {
    errors.repeat = 'Choose how often it repeats.';
    return null;
  }
  const count = wholeNumber(values.repeatCount ?? '');
  if (count === null) {
    errors.repeatCount = 'Enter how many dates as a whole number, such as 6.';
    return null;
  }
  return { pattern, count };
}

/** The API's fields, as this form names them: it asks one date and two times, not two instants. */
const FORM_FIELD_OF: Record<string, EventField> = {
  startsAt: 'startTime',
  endsAt: 'endTime',
  'repeat.count': 'repeatCount',
};

/** The API's errors, each naming the form's field rather than the API's. */
export function onFormFields(errors: HearthGraphqlError[]): HearthGraphqlError[] {
  return errors.map((error) => {
    const field = error.extensions?.field;
    const renamed = field === undefined ? undefined : FORM_FIELD_OF[field];
    return renamed ? { ...error, extensions: { ...error.extensions!, field: renamed } } : error;
  });
}
