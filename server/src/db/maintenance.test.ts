import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { startMaintenance } from './maintenance.ts';
import { migrateToLatest } from './migrate.ts';

describe('startMaintenance', () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => Promise.all(handles.map((h) => h.close())));

  const messages: string[] = [];
  const log = { info: (_: object, message: string) => messages.push(message), error: () => {} };

  /** reltuples is -1 until a table is first vacuumed or analysed. */
  async function usersAnalysed(handle: DatabaseHandle): Promise<boolean> {
    const result = await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'users'`.execute(
      handle.db,
    );
    return Number(result.rows[0]!.reltuples) >= 0;
  }

  it('should vacuum and analyse the embedded database at once, and stop cleanly', async () => {
    const handle = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    handles.push(handle);
    await migrateToLatest(handle.db);
    expect(await usersAnalysed(handle)).toBe(false);

    const maintenance = startMaintenance(handle, log);
    await maintenance.stop();

    expect(await usersAnalysed(handle)).toBe(true);
    expect(messages).toEqual(['database maintenance: vacuumed and analysed']);
  });
});
