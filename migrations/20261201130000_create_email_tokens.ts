import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Links sent by email that prove something when followed: that a person holds an address
// (VERIFY_EMAIL), that they may set a new password (RESET_PASSWORD), or that they want a new
// address (CHANGE_EMAIL). As with sessions, a link carries `<id>.<secret>`: the id finds the row
// and only a SHA-256 of the secret is kept, so a leaked table opens nothing. `email` is the
// address the link went to, which is what following it proves. A link works once (used_at,
// set by a conditional update) and until expires_at. Asking again deletes the unused links of
// the same purpose, so only the newest works.
//
// users.email_verified_at: when the person last proved their current address; null until then,
// and again after the address changes other than by a CHANGE_EMAIL link.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type email_token_purpose as enum ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')`.execute(db);
  await db.schema
    .createTable('email_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', sql`email_token_purpose`, (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(btrim(email)) and email like '%_@_%'`))
    .addColumn('secret_hash', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addCheckConstraint('email_tokens_expire_after_creation', sql`expires_at > created_at`)
    .execute();
  await sql`create index email_tokens_unused_idx on email_tokens (user_id, purpose) where used_at is null`.execute(db);

  await sql`alter table users add column email_verified_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column email_verified_at`.execute(db);
  await db.schema.dropTable('email_tokens').execute();
  await sql`drop type email_token_purpose`.execute(db);
}
