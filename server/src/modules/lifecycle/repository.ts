import type { Kysely } from 'kysely';
import type { Database, LifecycleStage } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export interface LifecycleChangeRecord {
  id: string;
  networkId: string;
  stage: LifecycleStage;
  note: string;
  setAt: Date;
  setBy: string | null;
}

export async function insertLifecycleChange(
  db: Executor,
  change: { networkId: string; stage: LifecycleStage; note: string; setBy: string; now: Date },
): Promise<void> {
  await db
    .insertInto('lifecycle_changes')
    .values({
      network_id: change.networkId,
      stage: change.stage,
      note: change.note,
      set_by: change.setBy,
      set_at: change.now,
    })
    .execute();
}

/** Every network's stage history, newest first, in one statement. */
export async function getLifecycleHistories(
  db: Executor,
  networkIds: readonly string[],
): Promise<LifecycleChangeRecord[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('lifecycle_changes')
    .select(['id', 'network_id as networkId', 'stage', 'note', 'set_at as setAt', 'set_by as setBy'])
    .where('network_id', 'in', networkIds)
    .orderBy('set_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The notes the person wrote, oldest first, for their export. */
export async function getNotesForExport(db: Executor, userId: string) {
  return db
    .selectFrom('lifecycle_changes')
    .select(['network_id as networkId', 'stage', 'note', 'set_at as setAt'])
    .where('set_by', '=', userId)
    .orderBy('set_at')
    .orderBy('id')
    .execute();
}
