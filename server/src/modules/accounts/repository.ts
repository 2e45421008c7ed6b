import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export interface AccountRecord {
  id: string;
  email: string;
  name: string;
}

export interface SessionLookup {
  sessionId: string;
  secretHash: Uint8Array;
  createdAt: Date;
  lastUsedAt: Date;
  user: AccountRecord;
}

export async function insertUser(
  db: Executor,
  user: { email: string; name: string; passwordHash: string },
): Promise<AccountRecord | null> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(['id', 'email', 'name'])
    .executeTakeFirst();
  return row ?? null;
}

export async function getCredentialsByEmail(
  db: Executor,
  email: string,
): Promise<(AccountRecord & { passwordHash: string }) | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash as passwordHash'])
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
  return row ?? null;
}

export async function getUsersByIds(db: Executor, ids: readonly string[]): Promise<AccountRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute();
}

/** The people with these ids and their names, as a query for another module's statement to start from. */
export function namedPeople(db: Executor, ids: readonly string[]) {
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids);
}

export type NamedPeople = ReturnType<typeof namedPeople>;

export async function insertSession(
  db: Executor,
  session: { id: string; userId: string; secretHash: Uint8Array; now: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      secret_hash: session.secretHash,
      created_at: session.now,
      last_used_at: session.now,
    })
    .execute();
}

/** The session and its user in one statement: this runs on every signed-in request. */
export async function findSessionWithUser(db: Executor, sessionId: string): Promise<SessionLookup | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.secret_hash as secretHash',
      'sessions.created_at as createdAt',
      'sessions.last_used_at as lastUsedAt',
      'users.id as userId',
      'users.email',
      'users.name',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    secretHash: row.secretHash,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    user: { id: row.userId, email: row.email, name: row.name },
  };
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_used_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', sessionId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Counts one sign-in attempt against `key` in a fixed window and returns the count, atomically:
 * concurrent attempts each see their own number, so a burst cannot slip past the limit.
 */
export async function countSignInAttempt(db: Executor, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key, window_started_at: now, attempts: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql`case when sign_in_attempts.window_started_at <= ${windowStart} then 1 else sign_in_attempts.attempts + 1 end`,
        window_started_at: sql`case when sign_in_attempts.window_started_at <= ${windowStart} then ${now} else sign_in_attempts.window_started_at end`,
      }),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

export async function clearSignInAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}

/** Gives back one counted attempt, so a successful sign-in does not use up the client's allowance. */
export async function releaseSignInAttempt(db: Executor, key: string): Promise<void> {
  await db
    .updateTable('sign_in_attempts')
    .set({ attempts: sql`attempts - 1` })
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

/** Locks the person's row until the transaction ends; false when there is no such person. */
export async function lockUser(db: Executor, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).forNoKeyUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function setUserName(db: Executor, userId: string, name: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ name, updated_at: now }).where('id', '=', userId).execute();
}

export async function getPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Clears the counted attempts under these keys and under the person's email, so none name them. */
export async function clearAttemptsNaming(db: Executor, userId: string, keys: readonly string[]): Promise<void> {
  await db
    .deleteFrom('sign_in_attempts')
    .where((eb) =>
      eb.or([
        eb('key', 'in', keys),
        eb(
          'key',
          '=',
          eb
            .selectFrom('users')
            .select(sql<string>`'email:' || lower(email)`.as('key'))
            .where('id', '=', userId),
        ),
      ]),
    )
    .execute();
}

/** Deletes the account; the database cascades to everything that hangs off it. */
export async function deleteUser(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function getAccountForExport(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Sessions without their secret hash: the export must not be usable to sign in. */
export async function getSessionsForExport(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at as createdAt', 'last_used_at as lastUsedAt'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}
