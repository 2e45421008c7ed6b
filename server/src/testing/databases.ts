import postgres from 'postgres';
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DatabaseHandle, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Both databases every module test runs on. `pnpm test` starts the PostgreSQL server. */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export function testPostgresUrl(): string {
  const url = process.env.HEARTH_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'HEARTH_TEST_POSTGRES_URL is not set. Run the tests with `pnpm test`, which starts a throwaway PostgreSQL server.',
    );
  }
  return url;
}

/** A new, empty database on the test PostgreSQL server; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = testPostgresUrl();
  const name = `hearth_test_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export interface TestDatabase extends DatabaseHandle {
  /** Statements run since the last reset, for tests that count queries per request. */
  statements: string[];
}

/**
 * A freshly migrated database of the given kind, for one test file. Tests in a file share it
 * and stay independent by creating their own data (unique emails and names).
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const statements: string[] = [];
  const onQuery = (event: LogEvent) => {
    statements.push(event.query.sql);
  };
  if (kind === 'pglite') {
    const handle = await openDatabase({ databaseUrl: null, dataDir: 'memory://', onQuery });
    await migrateToLatest(handle.db);
    statements.length = 0;
    return Object.assign(handle, { statements });
  }
  const created = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: created.url, dataDir: '', onQuery, maxConnections: 20 });
  await migrateToLatest(handle.db);
  statements.length = 0;
  const closeHandle = handle.close.bind(handle);
  return Object.assign(handle, {
    statements,
    async close() {
      await closeHandle();
      await created.drop();
    },
  });
}

/** The database a test file (or `describe` block) uses, read through getters once it is open. */
export interface UsedTestDatabase {
  readonly db: Db;
  /** Statements run since the last reset, for tests that count queries per request. */
  readonly statements: string[];
  /** The whole handle, for what takes one (`buildApp`). */
  readonly handle: TestDatabase;
}

/**
 * Opens a freshly migrated database of the given kind before the tests of the enclosing block
 * and closes it after them. Call it inside `describe` (or at the top of a file); read
 * `database.db` only in tests and hooks, once it is open.
 */
export function useTestDatabase(kind: DatabaseKind): UsedTestDatabase {
  let opened: TestDatabase | null = null;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await opened?.close();
    opened = null;
  });
  const handle = (): TestDatabase => {
    if (!opened) throw new Error('The test database is open only inside tests and hooks of its block.');
    return opened;
  };
  return {
    get db() {
      return handle().db;
    },
    get statements() {
      return handle().statements;
    },
    get handle() {
      return handle();
    },
  };
}
