// The day-before reminder: each person holding a seat (confirmed, or offered and not yet claimed)
// for an event starting within the next 24 hours is told once when and where it is, and asked to
// give up their place if they cannot come. It runs in the claim sweep's round (claim-sweep.ts), so
// every app copy sends reminders every EVENTS_CLAIM_SWEEP_MS.
//
// Exactly once per registration, whatever copies sweep at once: a batch of registrations is
// claimed by setting registrations.reminded_at in a conditional update that skips rows another
// copy holds, and its notices are written in that same transaction, so they exist if and only if
// the claim commits. An event moved to a new start forgets its reminders (a trigger on events), so
// its people are reminded again before the new start.
//
// People registered on their behalf have no account, so nobody to notify: they are left out.
// A registration made in the last hour before the start is not reminded: the person has just
// signed up and has the event in front of them, and a "Today" notice would only repeat it. One
// made earlier within the 24 hours (the evening before, say) is reminded, at the next sweep.
import { transaction, type ServiceContext } from '../../core/context.ts';
import * as venues from '../venues/service.ts';
import * as notices from './notices.ts';
import * as repo from './repository.ts';

const HOUR_MS = 60 * 60 * 1000;
/** How far ahead of its start an event's seat holders are reminded. */
export const REMIND_AHEAD_MS = 24 * HOUR_MS;
/** Registrations made this close to the start are not reminded (see above). */
export const LATE_REGISTRATION_MS = HOUR_MS;
/** Registrations claimed and told per transaction. */
const BATCH = 200;

/** The venue's name and address on one line, or null for an event without a venue. */
async function placesOf(ctx: ServiceContext, events: readonly repo.EventRecord[]): Promise<Map<string, string>> {
  const venueIds = [...new Set(events.flatMap((event) => (event.venueId ? [event.venueId] : [])))];
  const found = await venues.venuesByIds(ctx, venueIds);
  const places = new Map<string, string>();
  for (const event of events) {
    const venue = event.venueId ? found.get(event.venueId) : undefined;
    if (venue) places.set(event.id, `${venue.name}, ${venue.address.replace(/\s*\n\s*/g, ', ')}`);
  }
  return places;
}

/** Claims one batch and writes its reminders, in one transaction; returns how many it reminded. */
async function remindBatch(ctx: ServiceContext, limit: number): Promise<number> {
  const { count, added } = await transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const claims = await repo.claimReminders(tx.db, {
      now,
      until: new Date(now.getTime() + REMIND_AHEAD_MS),
      lateRegistrationMs: LATE_REGISTRATION_MS,
      limit,
    });
    if (claims.length === 0) return { count: 0, added: { added: [] } };
    const events = await repo.getEventsByIds(tx.db, [...new Set(claims.map((claim) => claim.eventId))]);
    const places = await placesOf(tx, events);
    const byEvent = Map.groupBy(claims, (claim) => claim.eventId);
    const added = await notices.tell(
      tx,
      events.flatMap((event) => notices.reminded(event, byEvent.get(event.id)!, places.get(event.id) ?? null, now)),
    );
    return { count: claims.length, added };
  });
  await notices.announce(ctx, added);
  return count;
}

/** Sends every reminder that is due, batch after batch; returns how many people it reminded. */
export async function sendDueReminders(ctx: ServiceContext, batch = BATCH): Promise<number> {
  let reminded = 0;
  for (;;) {
    const count = await remindBatch(ctx, batch);
    reminded += count;
    if (count < batch) return reminded;
  }
}
