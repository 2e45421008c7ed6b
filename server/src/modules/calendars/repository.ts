import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database>;

/** A person's private calendar feed as the service reads it. */
export interface CalendarFeedRecord {
  userId: string;
  token: string;
  createdAt: Date;
}

const FEED_COLUMNS = ['user_id as userId', 'token', 'created_at as createdAt'] as const;

/** Writes the person's feed with this token unless they have one already (then nothing changes). */
export async function insertFeedIfAbsent(db: Executor, userId: string, token: string, now: Date): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token, created_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function getFeedOfUser(db: Executor, userId: string): Promise<CalendarFeedRecord | undefined> {
  return db.selectFrom('calendar_feeds').select(FEED_COLUMNS).where('user_id', '=', userId).executeTakeFirst();
}

export async function getFeedByToken(db: Executor, token: string): Promise<CalendarFeedRecord | undefined> {
  return db.selectFrom('calendar_feeds').select(FEED_COLUMNS).where('token', '=', token).executeTakeFirst();
}

/** Gives the person's feed a new token (or makes the feed): the old token stops working at once. */
export async function replaceToken(
  db: Executor,
  userId: string,
  token: string,
  now: Date,
): Promise<CalendarFeedRecord> {
  return db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token, created_at: now }))
    .returning(FEED_COLUMNS)
    .executeTakeFirstOrThrow();
}
