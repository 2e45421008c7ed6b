import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

/** How often the embedded database is vacuumed and analysed. */
export const PGLITE_MAINTENANCE_INTERVAL_MS = 6 * 60 * 60 * 1000;

interface Logger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Maintenance {
  /** Waits for a run in progress, then stops the timer. */
  stop(): Promise<void>;
}

/**
 * PGlite has no autovacuum. Without it the planner has no statistics to choose plans by, dead
 * rows pile up, and index-only scans (the member directory's counts) must read the table. So the
 * server does autovacuum's work itself: once now, then every few hours. On PostgreSQL, nothing.
 */
export function startMaintenance(
  database: Pick<DatabaseHandle, 'db' | 'kind'>,
  log: Logger,
  intervalMs = PGLITE_MAINTENANCE_INTERVAL_MS,
): Maintenance {
  if (database.kind !== 'pglite') return { stop: async () => {} };
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      const started = performance.now();
      try {
        await sql`vacuum (analyze)`.execute(database.db);
        log.info({ ms: Math.round(performance.now() - started) }, 'database maintenance: vacuumed and analysed');
      } catch (error) {
        log.error({ err: error }, 'database maintenance failed');
      }
    });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
