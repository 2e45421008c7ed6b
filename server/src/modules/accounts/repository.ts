import { sql, type Kysely } from 'kysely';
import type { Database, EmailTokenPurpose } from '../../db/schema.ts';

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
 * Counts one attempt against `key` in a fixed window and returns the new count, atomically:
 * concurrent attempts each see their own number, so a burst cannot slip past a limit. With a
 * `limit`, an attempt that would go past it is not counted and null comes back. (The table holds
 * every per-window count: sign-ins, sign-ups and password confirmations.)
 */
export async function countAttempt(
  db: Executor,
  key: string,
  now: Date,
  windowMs: number,
  limit: number | null,
): Promise<number | null> {
  const windowStart = new Date(now.getTime() - windowMs);
  const windowOver = sql<boolean>`sign_in_attempts.window_started_at <= ${windowStart}`;
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key, window_started_at: now, attempts: 1 })
    .onConflict((oc) => {
      const update = oc.column('key').doUpdateSet({
        attempts: sql`case when ${windowOver} then 1 else sign_in_attempts.attempts + 1 end`,
        window_started_at: sql`case when ${windowOver} then ${now} else sign_in_attempts.window_started_at end`,
      });
      return limit === null
        ? update
        : update.where((eb) => eb.or([windowOver, eb('sign_in_attempts.attempts', '<', limit)]));
    })
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? null;
}

export async function clearAttempts(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}

/** Gives back one counted attempt under each key, for attempts that turned out not to be guesses. */
export async function releaseAttempts(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('sign_in_attempts')
    .set({ attempts: sql`attempts - 1` })
    .where('key', 'in', keys)
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

/**
 * Clears the counted attempts under these keys and those naming the person's email (see
 * signInKeys in the service: `email:<email>` and `client-email:<client> <email>`; and the
 * emailed links asked for it, `email-link:<email>`).
 */
export async function clearAttemptsNaming(db: Executor, userId: string, keys: readonly string[]): Promise<void> {
  await db
    .deleteFrom('sign_in_attempts')
    .where((eb) =>
      eb.or([
        eb('key', 'in', keys),
        eb.exists(
          eb
            .selectFrom('users')
            .select('id')
            .where('id', '=', userId)
            .where(
              sql<boolean>`sign_in_attempts.key = 'email:' || lower(users.email)
                or sign_in_attempts.key = 'email-link:' || lower(users.email)
                or (starts_with(sign_in_attempts.key, 'client-email:')
                  and substr(sign_in_attempts.key, strpos(sign_in_attempts.key, ' ') + 1) = lower(users.email))`,
            ),
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
    .select([
      'id',
      'name',
      'email',
      'email_verified_at as emailVerifiedAt',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
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

// Links sent by email (email_tokens): see the migration for the rules they keep.

export type { EmailTokenPurpose };

export interface EmailTokenLookup {
  userId: string;
  purpose: EmailTokenPurpose;
  email: string;
  secretHash: Uint8Array;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Stores a new link, deleting the person's unused links of the same purpose: only the newest works. */
export async function replaceEmailToken(
  db: Executor,
  token: {
    id: string;
    userId: string;
    purpose: EmailTokenPurpose;
    email: string;
    secretHash: Uint8Array;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .deleteFrom('email_tokens')
    .where('user_id', '=', token.userId)
    .where('purpose', '=', token.purpose)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('email_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      purpose: token.purpose,
      email: token.email,
      secret_hash: token.secretHash,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .execute();
}

export async function findEmailToken(db: Executor, id: string): Promise<EmailTokenLookup | null> {
  const row = await db
    .selectFrom('email_tokens')
    .select([
      'user_id as userId',
      'purpose',
      'email',
      'secret_hash as secretHash',
      'expires_at as expiresAt',
      'used_at as usedAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Uses a link up: true for the one caller that found it unused and unexpired. A conditional
 * update, so two clicks at once cannot both get through.
 */
export async function useEmailToken(db: Executor, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('email_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Stops the person's unused links of these purposes working (their password or address changed). */
export async function deleteUnusedEmailTokens(
  db: Executor,
  userId: string,
  purposes: readonly EmailTokenPurpose[],
): Promise<void> {
  await db
    .deleteFrom('email_tokens')
    .where('user_id', '=', userId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute();
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Marks the address as proved, if it is still the person's address. */
export async function markEmailVerified(db: Executor, userId: string, email: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ email_verified_at: now })
    .where('id', '=', userId)
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Moves the person to a proved new address; false when another account has it already. Two
 * people racing for one address meet the unique index instead (23505, for the caller to map).
 */
export async function changeEmail(db: Executor, userId: string, email: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ email, email_verified_at: now, updated_at: now })
    .where('id', '=', userId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('users as other')
            .select('other.id')
            .where(sql<string>`lower(other.email)`, '=', email)
            .where('other.id', '<>', userId),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function getAccountWithVerification(
  db: Executor,
  userId: string,
): Promise<(AccountRecord & { emailVerifiedAt: Date | null }) | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'email_verified_at as emailVerifiedAt'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

export async function getAccountByEmail(db: Executor, email: string): Promise<AccountRecord | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
  return row ?? null;
}

/** These people's addresses and whether each is proved, for the notifications module. */
export async function getMailingAddresses(
  db: Executor,
  ids: readonly string[],
): Promise<Array<AccountRecord & { verified: boolean }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', sql<boolean>`email_verified_at is not null`.as('verified')])
    .where('id', 'in', ids)
    .execute();
}
