// Wall-clock times in an event's own time zone, and back: the organiser types the time as people
// there will read it, whatever zone the server or the browser is in. Temporal holds the zone rules.
import { Temporal } from 'temporal-polyfill';

export type WallClockProblem = 'date' | 'time' | 'timeZone' | 'skipped';

/**
 * The instant at which the clocks in `timeZone` read `date` (YYYY-MM-DD) and `time` (HH:MM), as
 * an ISO string; or what is wrong. A time the clocks skip (01:30 on the morning summer time starts
 * in London) is refused rather than moved, so nobody is told a time the organiser never gave; a
 * time that happens twice, as the clocks go back, is the earlier of the two.
 */
export function instantAt(
  date: string,
  time: string,
  timeZone: string,
): { instant: string } | { problem: WallClockProblem } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { problem: 'date' };
  if (!/^\d{1,2}:\d{2}$/.test(time)) return { problem: 'time' };
  let wallClock: Temporal.PlainDateTime;
  try {
    wallClock = Temporal.PlainDateTime.from(`${date}T${time.padStart(5, '0')}`, { overflow: 'reject' });
  } catch {
    return /^\d{4}-\d{2}-\d{2}$/.test(date) && !isRealDate(date) ? { problem: 'date' } : { problem: 'time' };
  }
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
  } catch {
    return { problem: 'timeZone' };
  }
  try {
    const zoned = wallClock.toZonedDateTime(timeZone, { disambiguation: 'reject' });
    return { instant: zoned.toInstant().toString() };
  } catch {
    // Either skipped or repeated: a repeated time has an earlier reading to take.
    const earlier = wallClock.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
    const later = wallClock.toZonedDateTime(timeZone, { disambiguation: 'later' });
    const skipped = !earlier.toPlainDateTime().equals(wallClock) || !later.toPlainDateTime().equals(wallClock);
    return skipped ? { problem: 'skipped' } : { instant: earlier.toInstant().toString() };
  }
}

function isRealDate(date: string): boolean {
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** What the clocks in `timeZone` read at `instant`: the form's date (YYYY-MM-DD) and time (HH:MM). */
export function wallClockAt(instant: string, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}
