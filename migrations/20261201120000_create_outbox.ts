import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// The outbox: every email Hearth sends is first a row here, written in the same transaction as
// the change that causes it, then sent by a worker in each app copy (notifications/outbox-worker.ts).
//
// - message_id is made when the email is queued, so a resend after a crash carries the same
//   Message-ID header and the receiving side can tell it is the same message.
// - A worker claims due rows with one statement (FOR UPDATE SKIP LOCKED), setting claimed_until
//   (its lease) and counting the attempt. A copy that dies mid-send leaves the lease to run out;
//   another claims the row again then. Sent rows are marked SENT; a temporary failure moves
//   next_attempt_at on and clears the lease; a permanent one marks the row FAILED.
// - notification_kind is the kind of notification an email belongs to; account and safety
//   messages are always sent. Later kinds are added with `alter type notification_kind add value`.
// - Erasing a person erases their queued and sent mail (user_id cascades).
//
// email_address_failures: addresses a server refused for good (SMTP 5xx), so a steward can see
// that email to a member is failing. A later successful send to the address removes its row.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type notification_kind as enum ('ACCOUNT', 'SAFETY')`.execute(db);
  await sql`create type outbox_email_status as enum ('PENDING', 'SENT', 'FAILED')`.execute(db);
  await sql`create type email_delivery as enum ('SMTP', 'LOG')`.execute(db);

  await db.schema
    .createTable('outbox_emails')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('message_id', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`message_id ~ '^<[^<>@[:space:]]+@[^<>@[:space:]]+>$' and char_length(message_id) <= 250`),
    )
    .addColumn('recipient', 'text', (c) =>
      c.notNull().check(sql`recipient ~ '^[^<>,;"[:space:]@]+@[^<>,;"[:space:]@]+$' and char_length(recipient) <= 254`),
    )
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('kind', sql`notification_kind`, (c) => c.notNull())
    .addColumn('subject', 'text', (c) =>
      c.notNull().check(sql`char_length(subject) between 1 and 200 and subject !~ '[\\r\\n]'`),
    )
    .addColumn('text_body', 'text', (c) => c.notNull().check(sql`char_length(text_body) between 1 and 100000`))
    .addColumn('html_body', 'text', (c) => c.notNull().check(sql`char_length(html_body) between 1 and 200000`))
    .addColumn('headers', 'jsonb', (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::jsonb`)
        .check(sql`jsonb_typeof(headers) = 'object'`),
    )
    .addColumn('status', sql`outbox_email_status`, (c) => c.notNull().defaultTo('PENDING'))
    .addColumn('attempts', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`attempts >= 0`),
    )
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('last_error', 'text', (c) => c.check(sql`char_length(last_error) <= 1000`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('sent_by', sql`email_delivery`)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Sent exactly when it has a time and a way; failed only with a reason; a lease only while pending.
    .addCheckConstraint(
      'outbox_emails_sent_shape',
      sql`(status = 'SENT') = (sent_at is not null) and (status = 'SENT') = (sent_by is not null)`,
    )
    .addCheckConstraint('outbox_emails_failed_shape', sql`status <> 'FAILED' or last_error is not null`)
    .addCheckConstraint('outbox_emails_claim_shape', sql`status = 'PENDING' or claimed_until is null`)
    .execute();

  // The claim: pending rows in the order they fall due. Only pending rows are in it, so it stays
  // as small as the queue however much mail has been sent.
  await sql`create index outbox_emails_due_idx on outbox_emails (next_attempt_at) where status = 'PENDING'`.execute(db);
  // Erasing a person finds their mail; a person's page finds theirs.
  await db.schema.createIndex('outbox_emails_user_id_idx').on('outbox_emails').column('user_id').execute();
  // Clearing out mail sent or given up on long ago.
  await sql`create index outbox_emails_finished_idx on outbox_emails (updated_at) where status <> 'PENDING'`.execute(
    db,
  );

  await db.schema
    .createTable('email_address_failures')
    .addColumn('address', 'text', (c) =>
      c.primaryKey().check(sql`address = lower(address) and char_length(address) between 3 and 254`),
    )
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`char_length(reason) between 1 and 1000`))
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('email_address_failures_user_id_idx')
    .on('email_address_failures')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_address_failures').execute();
  await db.schema.dropTable('outbox_emails').execute();
  await sql`drop type email_delivery`.execute(db);
  await sql`drop type outbox_email_status`.execute(db);
  await sql`drop type notification_kind`.execute(db);
}
