// The expiry sweep: every MENTORING_EXPIRY_SWEEP_MS each app copy marks requests unanswered for a
// week as expired and tells their leads. A request reads as expired the moment its week is up
// (statusAt), sweep or not; the sweep is what tells the lead. Copies sweeping at once share the
// work, since each overdue request is claimed by one of them (expireOverdueRequests).
import { RequestMemo, systemClock, type Clock, type Publisher, type ServiceContext } from '../../core/context.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
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

export interface ExpirySweepOptions {
  db: Db;
  config: Config;
  log: { error(obj: object, msg: string): void };
  clock?: Clock;
  pubsub: Publisher;
}

/** Starts this copy's sweep; stop() before the database closes waits for a sweep under way. */
export function startExpirySweep(options: ExpirySweepOptions): { stop(): Promise<void> } {
  const ctx: ServiceContext = {
    db: options.db,
    clock: options.clock ?? systemClock,
    pubsub: options.pubsub,
    config: options.config,
    viewer: null,
    clientAddress: '',
    memo: new RequestMemo(),
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    running = sweepOverdueRequests(ctx).then(
      () => undefined,
      (error: unknown) =>
        options.log.error({ err: error }, 'mentoring: an expiry sweep failed; trying again next time'),
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(sweep, options.config.mentoring.expirySweepMs).unref();
    });
  };
  timer = setTimeout(sweep, Math.min(FIRST_SWEEP_MS, options.config.mentoring.expirySweepMs)).unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
