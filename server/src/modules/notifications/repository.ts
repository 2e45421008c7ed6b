import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { Database, EmailDelivery, NotificationKind } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { EmailDelivery, NotificationKind };

/** The PostgreSQL channel a queued email is announced on, once its transaction commits. */
export const OUTBOX_CHANNEL = 'hearth_outbox';

export interface NewEmail {
  messageId: string;
  recipient: string;
  userId: string | null;
  kind: NotificationKind;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** When it may first be sent: now, as the service's clock has it. */
  dueAt: Date;
}

export async function insertEmail(db: Executor, email: NewEmail): Promise<{ id: string; messageId: string }> {
  return db
    .insertInto('outbox_emails')
    .values({
      message_id: email.messageId,
      recipient: email.recipient,
      user_id: email.userId,
      kind: email.kind,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      // As text, cast: postgres.js would otherwise encode the JSON text again, as a JSON string.
      headers: sql<string>`${JSON.stringify(email.headers)}::text::jsonb`,
      next_attempt_at: email.dueAt,
    })
    .returning(['id', 'message_id as messageId'])
    .executeTakeFirstOrThrow();
}

/**
 * Wakes the workers listening on PostgreSQL. NOTIFY inside a transaction is delivered only when
 * it commits, and not at all when it rolls back: a worker never looks for an email too early.
 * Identical notifications of one transaction are delivered once.
 */
export async function announceQueued(db: Executor): Promise<void> {
  await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(db);
}

/** An email a worker has claimed, with everything needed to send it. */
export interface ClaimedEmail {
  id: string;
  messageId: string;
  recipient: string;
  userId: string | null;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Counting this one. */
  attempts: number;
  /** The claim's end: after it, another worker may claim the email again. */
  claimedUntil: Date;
}

/**
 * Claims up to `limit` due emails for this worker until `leaseUntil`, in one statement: rows
 * another worker holds locked are skipped, not waited for, so copies never claim the same email
 * and never queue behind each other. The claim moves next_attempt_at to the lease's end, so an
 * email whose worker died falls due again by itself, and the due index stays a plain range.
 */
export async function claimDue(
  db: Executor,
  claim: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedEmail[]> {
  const rows = await db
    .with('due', (qb) =>
      qb
        .selectFrom('outbox_emails')
        .select('id')
        .where('status', '=', 'PENDING')
        .where('next_attempt_at', '<=', claim.now)
        .orderBy('next_attempt_at')
        .limit(claim.limit)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable('outbox_emails')
    .from('due')
    .whereRef('outbox_emails.id', '=', 'due.id')
    .set((eb) => ({
      attempts: eb('outbox_emails.attempts', '+', 1),
      claimed_until: claim.leaseUntil,
      next_attempt_at: claim.leaseUntil,
      updated_at: claim.now,
    }))
    .returning([
      'outbox_emails.id',
      'outbox_emails.message_id as messageId',
      'outbox_emails.recipient',
      'outbox_emails.user_id as userId',
      'outbox_emails.subject',
      'outbox_emails.text_body as text',
      'outbox_emails.html_body as html',
      'outbox_emails.headers',
      'outbox_emails.attempts',
      'outbox_emails.claimed_until as claimedUntil',
    ])
    .execute();
  return rows.map((row) => ({
    ...row,
    headers: row.headers as Record<string, string>,
    claimedUntil: row.claimedUntil!,
  }));
}

/**
 * Marks an email sent, lease or no lease (it was sent). Over SMTP, the address is taken off the
 * failing list in the same statement: the server took mail for it after all.
 */
export async function markSent(db: Executor, sent: { id: string; now: Date; by: EmailDelivery }): Promise<void> {
  const update = (qb: QueryCreator<Database>) =>
    qb
      .updateTable('outbox_emails')
      .set({ status: 'SENT', sent_at: sent.now, sent_by: sent.by, claimed_until: null, updated_at: sent.now })
      .where('id', '=', sent.id)
      .where('status', '=', 'PENDING')
      .returning('recipient');
  if (sent.by === 'LOG') {
    await update(db).execute();
    return;
  }
  await db
    .with('sent', update)
    .deleteFrom('email_address_failures')
    .where('address', 'in', (eb) => eb.selectFrom('sent').select(sql<string>`lower(recipient)`.as('address')))
    .execute();
}

/**
 * Gives a claimed email back after a temporary failure, to be tried at `nextAttemptAt`. Only
 * while this worker's claim holds: if it ran out and another worker claimed the email meanwhile,
 * that claim is left alone.
 */
export async function releaseForRetry(
  db: Executor,
  retry: { id: string; claimedUntil: Date; now: Date; nextAttemptAt: Date; error: string },
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ next_attempt_at: retry.nextAttemptAt, claimed_until: null, last_error: retry.error, updated_at: retry.now })
    .where('id', '=', retry.id)
    .where('status', '=', 'PENDING')
    .where('claimed_until', '=', retry.claimedUntil)
    .execute();
}

/** Hands back a claimed email not yet tried (the worker is stopping): due at once, the attempt uncounted. */
export async function releaseClaim(
  db: Executor,
  release: { id: string; claimedUntil: Date; now: Date },
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({
      next_attempt_at: release.now,
      claimed_until: null,
      attempts: eb('attempts', '-', 1),
      updated_at: release.now,
    }))
    .where('id', '=', release.id)
    .where('status', '=', 'PENDING')
    .where('claimed_until', '=', release.claimedUntil)
    .execute();
}

/**
 * Gives up on an email the server refused for good, and records its address as failing, in one
 * statement (the address is recorded only if the email was still this worker's to fail).
 */
export async function markFailed(
  db: Executor,
  failure: { id: string; claimedUntil: Date; now: Date; error: string },
): Promise<void> {
  await db
    .with('failed', (qb) =>
      qb
        .updateTable('outbox_emails')
        .set({ status: 'FAILED', claimed_until: null, last_error: failure.error, updated_at: failure.now })
        .where('id', '=', failure.id)
        .where('status', '=', 'PENDING')
        .where('claimed_until', '=', failure.claimedUntil)
        .returning(['recipient', 'user_id']),
    )
    .insertInto('email_address_failures')
    .columns(['address', 'user_id', 'reason', 'failed_at'])
    .expression((eb) =>
      eb
        .selectFrom('failed')
        .select([
          sql<string>`lower(recipient)`.as('address'),
          'user_id',
          sql<string>`${failure.error}::text`.as('reason'),
          sql<Date>`${failure.now}::timestamptz`.as('failed_at'),
        ]),
    )
    .onConflict((oc) =>
      oc.column('address').doUpdateSet((eb) => ({
        user_id: eb.ref('excluded.user_id'),
        reason: eb.ref('excluded.reason'),
        failed_at: eb.ref('excluded.failed_at'),
      })),
    )
    .execute();
}

export interface AddressFailure {
  userId: string;
  address: string;
  reason: string;
  failedAt: Date;
}

/** The failing addresses of these people (at most one each: the latest), for a loader. */
export async function getFailuresByUserIds(db: Executor, userIds: readonly string[]): Promise<AddressFailure[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('email_address_failures')
    .select(['user_id as userId', 'address', 'reason', 'failed_at as failedAt'])
    .where('user_id', 'in', userIds)
    .orderBy('failed_at', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, userId: row.userId! }));
}

/** Forgets that a person's address failed: they changed it, or a steward heard it works again. */
export async function deleteFailuresOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('email_address_failures').where('user_id', '=', userId).execute();
}

export interface LoggedEmail {
  id: string;
  messageId: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  sentAt: Date;
}

/** Emails logged instead of sent (development without SMTP_URL), newest first. */
export async function listLogged(db: Executor, limit: number): Promise<LoggedEmail[]> {
  const rows = await db
    .selectFrom('outbox_emails')
    .select([
      'id',
      'message_id as messageId',
      'recipient',
      'subject',
      'text_body as text',
      'html_body as html',
      'sent_at as sentAt',
    ])
    .where('sent_by', '=', 'LOG')
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, sentAt: row.sentAt! }));
}

/**
 * Deletes emails sent or given up on before `before`: their bodies may hold links with tokens,
 * which need not outlive their use. Pending mail is never deleted.
 */
export async function deleteFinishedBefore(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('outbox_emails')
    .where('status', '<>', 'PENDING')
    .where('updated_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The emails Hearth queued for a person, for their data export: what and when, never the
 * bodies, which carry one-time links.
 */
export async function listEmailsForExport(db: Executor, userId: string) {
  return db
    .selectFrom('outbox_emails')
    .select(['kind', 'subject', 'status', 'created_at as queuedAt', 'sent_at as sentAt'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
