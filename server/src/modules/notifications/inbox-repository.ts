// SQL for in-app notifications, preferences, digest bookkeeping and unsubscribe links (the
// outbox's SQL is in repository.ts).
import { sql, type Kysely } from 'kysely';
import type { Database, NotificationDelivery, NotificationKind } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { NotificationDelivery };

export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  createdAt: Date;
  readAt: Date | null;
}

const RECORD_COLUMNS = ['id', 'kind', 'title', 'body', 'url', 'created_at as createdAt', 'read_at as readAt'] as const;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  createdAt: Date;
  digestPending: boolean;
  emailedAt: Date | null;
}

/** Every row in one statement (a person may have several); each returned row names its person. */
export async function insertNotifications(
  db: Executor,
  rows: readonly NewNotification[],
): Promise<Array<NotificationRecord & { userId: string }>> {
  if (rows.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(
      rows.map((row) => ({
        user_id: row.userId,
        kind: row.kind,
        title: row.title,
        body: row.body,
        url: row.url,
        created_at: row.createdAt,
        digest_pending: row.digestPending,
        emailed_at: row.emailedAt,
      })),
    )
    .returning([...RECORD_COLUMNS, 'user_id as userId'])
    .execute();
}

export interface NotificationListQuery {
  userId: string;
  unreadOnly: boolean;
  /** The last row of the previous page: (created_at as ISO text, id). */
  after: { createdAt: string; id: string } | null;
  limit: number;
}

/** A page of a person's notifications, newest first, `limit + 1` rows to tell whether more follow. */
export async function listNotifications(db: Executor, query: NotificationListQuery): Promise<NotificationRecord[]> {
  return db
    .selectFrom('notifications')
    .select(RECORD_COLUMNS)
    .where('user_id', '=', query.userId)
    .$if(query.unreadOnly, (qb) => qb.where('read_at', 'is', null))
    .$if(query.after !== null, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('created_at', 'id'),
          '<',
          eb.tuple(sql<Date>`${query.after!.createdAt}::timestamptz`, sql<string>`${query.after!.id}::uuid`),
        ),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks these (or, with null, all) of a person's unread notifications read; says how many changed. */
export async function markRead(
  db: Executor,
  userId: string,
  ids: readonly string[] | null,
  now: Date,
): Promise<number> {
  if (ids !== null && ids.length === 0) return 0;
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== null, (qb) => qb.where('id', 'in', ids!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The delivery each of these people chose for one kind, where they chose one. */
export async function getChosenDeliveries(
  db: Executor,
  userIds: readonly string[],
  kind: NotificationKind,
): Promise<Map<string, NotificationDelivery>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id as userId', 'delivery'])
    .where('user_id', 'in', userIds)
    .where('kind', '=', kind)
    .execute();
  return new Map(rows.map((row) => [row.userId, row.delivery]));
}

/** Every delivery a person chose, by kind. */
export async function getPreferencesOfUser(
  db: Executor,
  userId: string,
): Promise<Map<NotificationKind, NotificationDelivery>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'delivery'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(rows.map((row) => [row.kind, row.delivery]));
}

export async function upsertPreference(
  db: Executor,
  choice: { userId: string; kind: NotificationKind; delivery: NotificationDelivery; now: Date },
): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: choice.userId, kind: choice.kind, delivery: choice.delivery, updated_at: choice.now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({ delivery: choice.delivery, updated_at: choice.now }),
    )
    .execute();
}

export async function insertUnsubscribeTokens(
  db: Executor,
  tokens: ReadonlyArray<{ id: string; userId: string; kind: NotificationKind; secretHash: Uint8Array }>,
): Promise<void> {
  if (tokens.length === 0) return;
  await db
    .insertInto('unsubscribe_tokens')
    .values(tokens.map((t) => ({ id: t.id, user_id: t.userId, kind: t.kind, secret_hash: t.secretHash })))
    .execute();
}

export async function findUnsubscribeToken(
  db: Executor,
  id: string,
): Promise<{ userId: string; kind: NotificationKind; secretHash: Uint8Array } | null> {
  const row = await db
    .selectFrom('unsubscribe_tokens')
    .select(['user_id as userId', 'kind', 'secret_hash as secretHash'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

// Daily digests.

/**
 * People who have notifications waiting for a digest, with their time zone and the last day a
 * digest was done for them (null: never).
 */
export async function listDigestCandidates(
  db: Executor,
  limit: number,
): Promise<Array<{ userId: string; timeZone: string; lastDigestOn: string | null }>> {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_settings as s', 's.user_id', 'n.user_id')
    .select([
      'n.user_id as userId',
      sql<string>`coalesce(s.time_zone, 'Europe/London')`.as('timeZone'),
      sql<string | null>`to_char(s.last_digest_on, 'YYYY-MM-DD')`.as('lastDigestOn'),
    ])
    .where('n.digest_pending', '=', true)
    .groupBy(['n.user_id', 's.time_zone', 's.last_digest_on'])
    .limit(limit)
    .execute();
}

/** Every notification of a person, oldest first, for their data export. */
export async function listAllOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'title', 'body', 'url', 'created_at as createdAt', 'read_at as readAt'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The time zone a person chose for their digest; null if they never chose. */
export async function getTimeZone(db: Executor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('notification_settings')
    .select('time_zone')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.time_zone ?? null;
}

export async function setTimeZone(db: Executor, userId: string, timeZone: string, now: Date): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, time_zone: timeZone, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ time_zone: timeZone, updated_at: now }))
    .execute();
}

/**
 * Claims today's digest for a person: records the day as done, only if it was not done already
 * (today or later). Inside the digest's transaction, so a rollback gives the day back; a second
 * copy claiming the same person waits on the row and then finds the day done.
 */
export async function claimDigestDay(db: Executor, userId: string, day: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('notification_settings')
    .values({ user_id: userId, last_digest_on: sql<string>`${day}::date`, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ last_digest_on: sql<string>`${day}::date`, updated_at: now })
        .where(
          sql<boolean>`notification_settings.last_digest_on is null or notification_settings.last_digest_on < ${day}::date`,
        ),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes a person's notifications waiting for a digest off the wait, marking them emailed; oldest first. */
export async function takeDigestNotifications(db: Executor, userId: string, now: Date): Promise<NotificationRecord[]> {
  const rows = await db
    .updateTable('notifications')
    .set({ digest_pending: false, emailed_at: now })
    .where('user_id', '=', userId)
    .where('digest_pending', '=', true)
    .returning(RECORD_COLUMNS)
    .execute();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** Takes a person's notifications of one kind off the digest's wait: they stay in-app only. */
export async function cancelDigestOfKind(db: Executor, userId: string, kind: NotificationKind): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ digest_pending: false })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('digest_pending', '=', true)
    .execute();
}
