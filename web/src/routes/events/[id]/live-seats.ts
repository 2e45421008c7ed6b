// An event's seats as they change, while its page is open.
import { watchSubscription } from '#lib/components/subscription-socket.ts';

export interface Seats {
  capacity: number;
  seatsLeft: number;
  waitlistLength: number;
  /** Rises with each change: counts with a lower one are older. */
  version: number;
}

const QUERY =
  'subscription EventSeats($eventId: ID!) { eventSeats(eventId: $eventId) { capacity seatsLeft waitlistLength version } }';

/**
 * Calls `onSeats` with the event's counts as they stand, then after each change, newest only:
 * news from two app copies can arrive out of order, and an older count arriving late is dropped.
 * Returns a function that stops.
 */
export function watchEventSeats(eventId: string, onSeats: (seats: Seats) => void): () => void {
  let newest = -1;
  return watchSubscription<{ eventSeats: Seats }>(QUERY, { eventId }, ({ eventSeats }) => {
    if (eventSeats.version < newest) return;
    newest = eventSeats.version;
    onSeats(eventSeats);
  });
}
