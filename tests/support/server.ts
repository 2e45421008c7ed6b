import { buildApp, type AppOptions } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { freePort } from '../../scripts/postgres.ts';

export interface RunningServer {
  url: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  database: DatabaseHandle;
  /** SQL statements run since a test last emptied it; recorded only with `countStatements`. */
  statements: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** A PostgreSQL URL; absent: a fresh in-memory PGlite. */
  databaseUrl?: string;
  /** Extra environment for the config (e.g. NODE_ENV, SIGN_IN_LIMIT_PER_EMAIL). */
  env?: Record<string, string>;
  /** Serve the web pages (needs web/build). Default: when built. */
  web?: boolean;
  limits?: AppOptions['limits'];
  /** Record every SQL statement in `statements`, for tests that count them per request. */
  countStatements?: boolean;
  /** Where the server's log lines go (default: stdout at HEARTH_TEST_LOG_LEVEL, silent unless set). */
  logStream?: AppOptions['logStream'];
  /** Adds to the app before it listens (a route that reaches in-process machinery, say). */
  beforeListen?: (app: RunningServer['app']) => void | Promise<void>;
}

/** Hearth listening on a free loopback port, as `main.ts` would run it. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const statements: string[] = [];
  const database = await openDatabase({
    databaseUrl: options.databaseUrl ?? null,
    dataDir: 'memory://',
    ...(options.countStatements ? { onQuery: (event) => statements.push(event.query.sql) } : {}),
  });
  await migrateToLatest(database.db);
  statements.length = 0;
  // The public URL must match the port, which is known only after listening: reserve it first.
  const probe = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(probe),
    PUBLIC_URL: `http://127.0.0.1:${probe}`,
    LOG_LEVEL: process.env.HEARTH_TEST_LOG_LEVEL ?? 'silent',
    // Every test signs its people up from 127.0.0.1; a test of the limit sets its own.
    SIGN_UP_LIMIT_PER_CLIENT: '1000000',
    EMAIL_LINK_LIMIT_PER_CLIENT: '1000000',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database,
    web: options.web ?? 'auto',
    limits: options.limits,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  await options.beforeListen?.(app);
  await app.listen({ port: probe, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${probe}`, app, database, statements, close: () => app.close() };
}
