import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, sql, type LogEvent } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { lockDataFolder, type HeldLock } from './data-folder-lock.ts';
import { preparedPglite } from './pglite-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Listens for PostgreSQL notifications; absent on PGlite, where one process owns the data. */
export interface NotificationChannel {
  listen(channel: string, onMessage: (payload: string) => void): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
}

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  notifications: NotificationChannel | null;
  /** Resolves when the database answers a trivial query; for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  dataDir: string;
  /** Called for every statement; used by tests to count queries per request. */
  onQuery?: (event: LogEvent) => void;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir, options);
}

/** Opens PGlite once its data folder is locked to this process (throws DataFolderLockedError otherwise). */
async function openPglite(dataDir: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const lock = dataDir.startsWith('memory://') ? null : await lockDataFolder(dataDir);
  const pglite = await createPglite(dataDir, lock);
  // Statements Kysely sends run as cached named prepared statements (see pglite-statements.ts).
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite: preparedPglite(pglite) }),
    log: options.onQuery,
  });
  return {
    db,
    kind: 'pglite',
    notifications: null,
    ping: () => ping(db),
    async close() {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/**
 * PGlite's defaults with a smaller buffer cache. Postgres takes shared_buffers (128 MB by default)
 * out of PGlite's WebAssembly memory at start and zeroes it, so all of it is resident from the
 * first second, whatever the size of the data, and WebAssembly memory is never given back. 64 MB
 * holds what the member directory reads on the 100,000-person benchmark data set: its queries
 * took the same CPU time as with 128 MB (with 32 MB, 1.7 times as much), and the server holds
 * about 60 MB less. tests/bench/memory.ts measures the server's memory.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];

async function createPglite(dataDir: string, lock: HeldLock | null): Promise<PGlite> {
  try {
    // pg_trgm mends misspelt library searches; PostgreSQL ships it in its contrib package.
    return await PGlite.create(dataDir, { startParams: PGLITE_START_PARAMS, extensions: { pg_trgm } });
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connection: {
      application_name: 'hearth',
      // Each request's statements stay on one core. Parallel plans start worker processes that
      // cost more than the short statements of a web request save, and under load they take the
      // cores other requests need: a 100,000-member count went from 17 ms to 36-75 ms with them.
      max_parallel_workers_per_gather: '0',
      // No JIT compilation either: it starts once a plan's estimated cost passes jit_above_cost,
      // and for a web request's statement it costs far more than it saves. Mentor suggestions on
      // 20,000 offers (tests/bench/mentoring.ts) spent 203 ms compiling a statement that ran in
      // 24 ms; the request's p50 went from 235 ms to 19 ms without it.
      jit: 'off',
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresJSDialect({ postgres: sql }), log: options.onQuery });
  return {
    db,
    kind: 'postgres',
    ping: () => ping(db),
    notifications: {
      async listen(channel, onMessage) {
        await sql.listen(channel, onMessage);
      },
      async notify(channel, payload) {
        await sql.notify(channel, payload);
      },
    },
    async close() {
      // A bounded end first: postgres.js never finishes end() while a connection Kysely reserved
      // is busy (porsager/postgres#925), which would hang shutdown. Later calls share this promise.
      await sql.end({ timeout: 5 });
      await db.destroy();
    },
  };
}
