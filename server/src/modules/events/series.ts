// Series: an event that repeats ("the first Tuesday of every month"), made as one event per date,
// each registered for on its own. The dates are counted by an RRULE (the rrule library) on the
// organiser's wall clock, then each is placed in the event's time zone: a series at 18:30 in
// London stays at 18:30 when the clocks change, as the people coming expect.
import rrule from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { InputProblems } from '../../core/errors.ts';

const { RRule } = rrule;

/** A series has 2 to 24 dates: two years of a monthly meetup, or half a year of weekly ones. */
export const SERIES_DATES = { min: 2, max: 24 } as const;

export type RepeatPattern = 'WEEKLY' | 'FORTNIGHTLY' | 'MONTHLY_BY_WEEKDAY' | 'MONTHLY_BY_DATE';

export interface RepeatInput {
  pattern: RepeatPattern;
  count: number;
}

export interface SeriesPlan {
  /** The RRULE line the dates were counted by. */
  rule: string;
  /** The rule in words, such as "The first Tuesday of every month". */
  description: string;
  /** Each date's start, the first being the event's own. */
  starts: Date[];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RRULE_WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const NTH = ['first', 'second', 'third', 'fourth'];

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

/** The count of dates, checked; problems are reported on `repeat.count`. */
export function validRepeat(repeat: RepeatInput, problems: InputProblems): RepeatInput | null {
  if (!Number.isInteger(repeat.count) || repeat.count < SERIES_DATES.min || repeat.count > SERIES_DATES.max) {
    problems.add(
      'repeat.count',
      `A series has ${SERIES_DATES.min} to ${SERIES_DATES.max} dates; make more later by duplicating the last one.`,
    );
    return null;
  }
  return repeat;
}

/**
 * The dates of a series starting at `startsAt` in `timeZone`. A monthly series by weekday takes
 * its place in the month from the first date: the 3rd is the first Tuesday, the 29th the last
 * (a fifth Tuesday comes only some months). One by date skips months without that date.
 */
export function planSeries(startsAt: Date, timeZone: string, repeat: RepeatInput): SeriesPlan {
  const local = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).toZonedDateTimeISO(timeZone);
  const weekday = local.dayOfWeek - 1;
  // rrule counts in UTC: give it the wall clock as if it were UTC, and read the dates back so.
  const dtstart = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
  const nth = Math.ceil(local.day / 7);
  const byPattern = {
    WEEKLY: {
      options: { freq: RRule.WEEKLY, interval: 1 },
      description: `Every ${WEEKDAYS[weekday]}`,
    },
    FORTNIGHTLY: {
      options: { freq: RRule.WEEKLY, interval: 2 },
      description: `Every other ${WEEKDAYS[weekday]}`,
    },
    MONTHLY_BY_WEEKDAY: {
      options: { freq: RRule.MONTHLY, byweekday: [RRULE_WEEKDAYS[weekday]!.nth(nth > 4 ? -1 : nth)] },
      description: `The ${nth > 4 ? 'last' : NTH[nth - 1]} ${WEEKDAYS[weekday]} of every month`,
    },
    MONTHLY_BY_DATE: {
      options: { freq: RRule.MONTHLY, bymonthday: [local.day] },
      description: `The ${ordinal(local.day)} of every month${local.day > 28 ? ', in months that have one' : ''}`,
    },
  }[repeat.pattern];
  const rule = new RRule({ ...byPattern.options, dtstart, count: repeat.count });
  const starts = rule.all().map((date) =>
    Temporal.PlainDateTime.from({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
    })
      // A time the clocks skip that day moves on by the gap; a time they repeat is the first.
      .toZonedDateTime(timeZone, { disambiguation: 'compatible' }),
  );
  return {
    rule: RRule.optionsToString({ ...byPattern.options, count: repeat.count }),
    description: byPattern.description,
    starts: starts.map((start) => new Date(start.epochMilliseconds)),
  };
}
