// The expiry sweep: every MENTORING_EXPIRY_SWEEP_MS each app copy marks requests unanswered for a
// week as expired and tells their leads. A request reads as expired the moment its week is up
// (statusAt), sweep or not; the sweep is what tells the lead. Copies sweeping at once share the
// work, since each overdue request is claimed by one of them (expireOverdueRequests).
import { startBackgroundJob, type BackgroundJob, type BackgroundOptions } from '../../core/background.ts';
import type { ServiceContext } from '../../core/context.ts';
import { expireOverdueRequests } from './requests.ts';

const BATCH = 500;
/** The first sweep soon after start, for what fell due while no copy ran. */
const FIRST_SWEEP_MS = 1000;

/** Sweeps batch after batch until no overdue request is left for this copy; returns how many it expired. */
export async function sweepOverdueRequests(ctx: ServiceContext, batchSize = BATCH): Promise<number> {
  let expired = 0;
  for (;;) {
    const batch = await expireOverdueRequests(ctx, batchSize);
    expired += batch.length;
    if (batch.length < batchSize) return expired;
  }
}

export type ExpirySweepOptions = BackgroundOptions;

/** Starts this copy's sweep; stop() before the database closes waits for a sweep under way. */
export function startExpirySweep(options: ExpirySweepOptions): BackgroundJob {
  const everyMs = options.config.mentoring.expirySweepMs;
  return startBackgroundJob(options, {
    round: (ctx) => sweepOverdueRequests(ctx),
    firstAfterMs: Math.min(FIRST_SWEEP_MS, everyMs),
    everyMs,
    failure: 'mentoring: an expiry sweep failed; trying again next time',
  });
}
