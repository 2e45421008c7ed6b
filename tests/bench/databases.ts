// Databases for benchmarks: in-memory PGlite, or a fresh database on a throwaway PostgreSQL
// server that this run starts on first use and stops at the end (HEARTH_TEST_POSTGRES_URL: use
// that server instead, start nothing). Every database is migrated; everything is closed by closeAll.
import {
  findPostgresBinDir,
  POSTGRES_URL_ENV,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../scripts/postgres.ts';
import { openDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import type { DatabaseKind, OpenedDatabase } from './types.ts';

/** Why PostgreSQL cannot be used here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  if (process.env[POSTGRES_URL_ENV]) return null;
  if (findPostgresBinDir()) return null;
  return (
    'PostgreSQL is not installed (no initdb/postgres binaries found), so the PostgreSQL figures cannot be measured. ' +
    `Install it (Debian/Ubuntu: apt-get install postgresql), point ${POSTGRES_URL_ENV} at a server you own, ` +
    'or run PGlite only with BENCH_DATABASES=pglite.'
  );
}

async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class BenchDatabases {
  #postgres: Promise<ThrowawayPostgres> | null = null;
  #open = new Set<OpenedDatabase>();
  /** Server versions seen, for the JSON report. */
  readonly versions: Partial<Record<DatabaseKind, string>> = {};
  /** Trouble that does not spoil the figures (a slow close), for the report. */
  readonly warnings: string[] = [];

  async open(kind: DatabaseKind): Promise<OpenedDatabase> {
    let dropDatabase: (() => Promise<void>) | null = null;
    let url: string | null = null;
    let handle;
    if (kind === 'pglite') {
      handle = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    } else {
      const server = await this.#startPostgres();
      process.env[POSTGRES_URL_ENV] = server.url; // createPostgresDatabase creates its database there
      const created = await createPostgresDatabase();
      dropDatabase = () => created.drop();
      url = created.url;
      handle = await openDatabase({ databaseUrl: created.url, dataDir: '' });
    }
    let released: Promise<void> | null = null;
    const opened: OpenedDatabase = {
      kind,
      handle,
      url,
      release: () => {
        released ??= (async () => {
          this.#open.delete(opened);
          try {
            await withTimeout(`closing the ${kind} database`, 15_000, handle.close());
          } catch (error) {
            // Not fatal: dropping the database (with force) or stopping the server ends the connections.
            this.warnings.push((error as Error).message);
          }
          if (dropDatabase) await withTimeout('dropping the PostgreSQL database', 15_000, dropDatabase());
        })();
        return released;
      },
    };
    this.#open.add(opened);
    try {
      await migrateToLatest(handle.db);
      const row = await handle.db.selectNoFrom((eb) => eb.fn<string>('version').as('version')).executeTakeFirst();
      this.versions[kind] = row?.version ?? 'unknown';
    } catch (error) {
      await opened.release().catch(() => {});
      throw error;
    }
    return opened;
  }

  #startPostgres(): Promise<ThrowawayPostgres> {
    // One retry: on a shared machine a start can collide with another run's clean-up.
    this.#postgres ??= startThrowawayPostgres().catch((error: unknown) => {
      this.warnings.push(
        `PostgreSQL did not start at the first attempt, retried: ${(error as Error).message.split('\n')[0]}`,
      );
      return startThrowawayPostgres();
    });
    return this.#postgres;
  }

  /** Closes every database still open, then stops the PostgreSQL server if this run started it. */
  async closeAll(): Promise<void> {
    const problems: unknown[] = [];
    for (const opened of [...this.#open].reverse()) {
      await opened.release().catch((error: unknown) => problems.push(error));
    }
    if (this.#postgres) {
      const starting = this.#postgres;
      this.#postgres = null;
      try {
        const server = await starting.catch(() => null); // a failed start was reported already
        if (server) await withTimeout('stopping PostgreSQL', 30_000, server.stop());
      } catch (error) {
        problems.push(error);
      }
    }
    if (problems.length) throw new AggregateError(problems, 'cleaning up the benchmark databases failed');
  }
}
