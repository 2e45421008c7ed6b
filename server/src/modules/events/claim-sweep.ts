// The claim sweep: every EVENTS_CLAIM_SWEEP_MS each app copy passes seats offered and not claimed
// in time to the next person waiting, and tells both. An offer past its time cannot be claimed
// even before the sweep comes (claimOffer checks the time); the sweep is what moves the seat on.
// Copies sweeping at once share the work: each event's offers are lapsed under its lock, once.
// The same round sends the day-before reminders that are due (reminders.ts), each exactly once.
import { startBackgroundJob, type BackgroundJob, type BackgroundOptions } from '../../core/background.ts';
import type { ServiceContext } from '../../core/context.ts';
import { lapseOverdueOffers } from './registrations.ts';
import { sendDueReminders } from './reminders.ts';

const EVENT_BATCH = 100;
/** The first sweep soon after start, for what fell due while no copy ran. */
const FIRST_SWEEP_MS = 1000;

/** Sweeps batch after batch until no lapsed offer is left; returns how many offers it lapsed. */
export async function sweepLapsedOffers(ctx: ServiceContext, eventBatch = EVENT_BATCH): Promise<number> {
  let lapsed = 0;
  for (;;) {
    const batch = await lapseOverdueOffers(ctx, eventBatch);
    lapsed += batch.length;
    if (batch.length === 0) return lapsed;
  }
}

/** Starts this copy's sweep; stop() before the database closes waits for a sweep under way. */
export function startClaimSweep(options: BackgroundOptions): BackgroundJob {
  const everyMs = options.config.events.claimSweepMs;
  return startBackgroundJob(options, {
    // Offers first: a seat that passes on is then reminded to its new holder in the same round.
    // A failed lapse does not hold up the reminders.
    round: async (ctx) => {
      try {
        await sweepLapsedOffers(ctx);
      } finally {
        await sendDueReminders(ctx);
      }
    },
    firstAfterMs: Math.min(FIRST_SWEEP_MS, everyMs),
    everyMs,
    failure: 'events: a claim sweep failed; trying again next time',
  });
}
