import { sql, type Kysely, type SqlBool } from 'kysely';
import { arrayLiteral, type IdCondition } from '../../core/query.ts';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database>;

/**
 * Whether neither the person with this id nor `personId` has blocked the other: the one rule
 * every list, suggestion and request between two people composes into its own statement.
 */
export function notBlockedWith(personId: string): IdCondition {
  // Both directions gathered once (a hashed subplan), not probed per row: a member list counts
  // every member of a network of thousands.
  return (otherId) => sql<SqlBool>`${otherId} not in (
    select blocks.blocked_id from blocks where blocks.blocker_id = ${personId}
    union all
    select blocks.blocker_id from blocks where blocks.blocked_id = ${personId})`;
}

/** Blocks, once: blocking again keeps the first date. Returns when the block began. */
export async function insertBlock(db: Executor, blockerId: string, blockedId: string, now: Date): Promise<Date> {
  await db
    .insertInto('blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('blocks')
    .select('created_at')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirstOrThrow();
  return row.created_at;
}

/** Undoes a block; false when there was none. */
export async function deleteBlock(db: Executor, blockerId: string, blockedId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The people the person blocked, most recent first. */
export async function getBlocksBy(
  db: Executor,
  blockerId: string,
): Promise<Array<{ personId: string; blockedAt: Date }>> {
  return db
    .selectFrom('blocks')
    .select(['blocked_id as personId', 'created_at as blockedAt'])
    .where('blocker_id', '=', blockerId)
    .orderBy('created_at', 'desc')
    .orderBy('blocked_id')
    .execute();
}

/** The blocks between any two of these people, each as blocker and blocked. */
export async function getBlocksAmong(
  db: Executor,
  personIds: readonly string[],
): Promise<Array<{ blockerId: string; blockedId: string }>> {
  if (personIds.length === 0) return [];
  const ids = sql<string[]>`cast(${arrayLiteral(personIds)} as uuid[])`;
  return db
    .selectFrom('blocks')
    .select(['blocker_id as blockerId', 'blocked_id as blockedId'])
    .where((eb) => eb.and([eb('blocker_id', '=', eb.fn.any(ids)), eb('blocked_id', '=', eb.fn.any(ids))]))
    .execute();
}

/** Whether either of the two blocked the other. */
export async function isBlockedBetween(db: Executor, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('blocker_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
        eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
