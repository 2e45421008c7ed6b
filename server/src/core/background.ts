// Work an app copy does on its own, on a timer: sweeps and digests. Each job runs one round at a
// time (the next is timed from the end of the last, so a slow round never overlaps itself), logs a
// failed round and tries again next time, and stops cleanly: stop() waits for a round under way,
// so the database can close after it.
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { RequestMemo, systemClock, type Clock, type Publisher, type ServiceContext } from './context.ts';

export interface BackgroundOptions {
  db: Db;
  config: Config;
  log: { error(obj: object, msg: string): void };
  clock?: Clock;
  pubsub: Publisher;
}

export interface BackgroundJob {
  stop(): Promise<void>;
}

/** A context for work nobody asked for in a request: no viewer, no client. */
export function backgroundContext(options: BackgroundOptions): ServiceContext {
  return {
    db: options.db,
    clock: options.clock ?? systemClock,
    pubsub: options.pubsub,
    config: options.config,
    viewer: null,
    clientAddress: '',
    memo: new RequestMemo(),
  };
}

/**
 * Runs `round` after `firstAfterMs`, then `everyMs` after each round ends. `failure` is the log
 * line for a round that throws.
 */
export function startBackgroundJob(
  options: BackgroundOptions,
  job: { round: (ctx: ServiceContext) => Promise<unknown>; firstAfterMs: number; everyMs: number; failure: string },
): BackgroundJob {
  const ctx = backgroundContext(options);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    running = job.round(ctx).then(
      () => undefined,
      (error: unknown) => options.log.error({ err: error }, job.failure),
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(round, job.everyMs).unref();
    });
  };
  timer = setTimeout(round, job.firstAfterMs).unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
