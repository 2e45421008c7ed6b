import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../testing/databases.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrate.ts';

describe('migrateToLatest', () => {
  const handles: DatabaseHandle[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await Promise.all(drops.map((d) => d()));
  });

  it('should migrate once when several copies start at the same time on PostgreSQL', async () => {
    const database = await createPostgresDatabase();
    drops.push(database.drop);
    const copies = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: database.url, dataDir: '', maxConnections: 2 })),
    );
    handles.push(...copies);
    const results = await Promise.all(copies.map((copy) => migrateToLatest(copy.db)));
    const applied = results.flatMap((r) => (r.results ?? []).filter((m) => m.status === 'Success'));
    const migrations = await sql<{ count: string }>`select count(*)::text as count from kysely_migration`.execute(
      copies[0]!.db,
    );
    expect(applied.length).toBe(Number(migrations.rows[0]!.count));
    expect(applied.length).toBeGreaterThan(0);
  });

  it('should be a no-op on an up-to-date PGlite database', async () => {
    const handle = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    handles.push(handle);
    const first = await migrateToLatest(handle.db);
    const second = await migrateToLatest(handle.db);
    expect(first.results?.length).toBeGreaterThan(0);
    expect(second.results).toEqual([]);
  });
});
