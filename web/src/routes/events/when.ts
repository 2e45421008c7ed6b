// When an event is, in its own time zone: a person in Leeds reading about a Belfast event sees
// the time on the door there.

interface Timed {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** Formatters cost far more to make than to use: one pair per zone. */
function formattersFor(timeZone: string) {
  let pair = formatters.get(timeZone);
  if (!pair) {
    pair = {
      day: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }),
    };
    formatters.set(timeZone, pair);
  }
  return pair;
}

/** "Tuesday 8 December 2026, 18:30 to 20:30", with "(Europe/Paris time)" outside the UK. */
export function eventWhen(event: Timed): string {
  const { day, time } = formattersFor(event.timeZone);
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const startDay = day.format(start);
  const endDay = day.format(end);
  const span =
    startDay === endDay
      ? `${startDay}, ${time.format(start)} to ${time.format(end)}`
      : `${startDay}, ${time.format(start)} to ${endDay}, ${time.format(end)}`;
  return event.timeZone === 'Europe/London' ? span : `${span} (${event.timeZone.replace(/_/g, ' ')} time)`;
}

/** "Tuesday 8 December, 18:30 to 20:30" when the year is plain from the context. */
export function eventDayAndTime(event: Timed): string {
  return eventWhen(event).replace(/ \d{4},/, ',');
}
