import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// In-app notifications, how each kind reaches a person, and one-click unsubscribe links.
//
// - notification_kind gains NEW_MEMBER and ROLE_CHANGED. Kysely runs pending migrations in one
//   transaction; PostgreSQL 12 and later (PGlite is 17) allow ADD VALUE there, but a new value
//   cannot be used before that transaction commits, so nothing below names the new values.
//   `down` cannot take enum values away: it leaves them (harmless, nothing uses them).
// - notifications: one row per person per thing that happened. digest_pending marks those
//   waiting for the person's daily digest; emailed_at records when an email carried it (at once
//   or in a digest). Newest first, keyset by (created_at, id).
// - notification_preferences: a row only where a person chose something; no row means the
//   kind's default, which lives in code (notifications/preferences.ts). Account and safety
//   messages are always sent at once and have no row.
// - notification_settings: what the digest needs per person, kept here rather than on users
//   (the accounts module owns users): their time zone and the last day a digest was done.
// - unsubscribe_tokens: one per email carrying a one-click unsubscribe link. As with sessions,
//   the link carries `<id>.<secret>` and only a SHA-256 of the secret is kept. A link names one
//   person and one kind, works without signing in, and stays valid: following it twice is harmless.
// Erasing a person erases all of it (user_id cascades).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter type notification_kind add value if not exists 'NEW_MEMBER'`.execute(db);
  await sql`alter type notification_kind add value if not exists 'ROLE_CHANGED'`.execute(db);
  await sql`create type notification_delivery as enum ('IMMEDIATE', 'DAILY_DIGEST', 'IN_APP_ONLY')`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', sql`notification_kind`, (c) => c.notNull())
    .addColumn('title', 'text', (c) =>
      c.notNull().check(sql`char_length(title) between 1 and 200 and title !~ '[\\r\\n]'`),
    )
    .addColumn('body', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(body) <= 2000`),
    )
    // A path on Hearth, never another site: it is put in emails and pages as a link.
    .addColumn('url', 'text', (c) =>
      c.notNull().check(sql`url ~ '^/([^/\\\\[:space:]][^[:space:]]*)?$' and char_length(url) <= 500`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('digest_pending', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('emailed_at', 'timestamptz')
    .addCheckConstraint('notifications_digest_shape', sql`not (digest_pending and emailed_at is not null)`)
    .execute();
  // The list, newest first, and its keyset; the unread list and count have their own, smaller index.
  await sql`create index notifications_list_idx on notifications (user_id, created_at desc, id desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (user_id, created_at desc, id desc) where read_at is null`.execute(
    db,
  );
  await sql`create index notifications_digest_idx on notifications (user_id) where digest_pending`.execute(db);

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', sql`notification_kind`, (c) => c.notNull())
    .addColumn('delivery', sql`notification_delivery`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['user_id', 'kind'])
    .addCheckConstraint('notification_preferences_changeable', sql`kind not in ('ACCOUNT', 'SAFETY')`)
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('time_zone', 'text', (c) =>
      c
        .notNull()
        .defaultTo('Europe/London')
        .check(sql`char_length(time_zone) between 1 and 64`),
    )
    .addColumn('last_digest_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('unsubscribe_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', sql`notification_kind`, (c) => c.notNull().check(sql`kind not in ('ACCOUNT', 'SAFETY')`))
    .addColumn('secret_hash', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('unsubscribe_tokens_user_id_idx').on('unsubscribe_tokens').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unsubscribe_tokens').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
  await sql`drop type notification_delivery`.execute(db);
}
