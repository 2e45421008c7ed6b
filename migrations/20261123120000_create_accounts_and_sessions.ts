import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // Time-ordered UUIDs (RFC 9562 v7) keep inserts local in indexes; PostgreSQL 15 has no built-in.
  await sql`
    create function uuid_v7() returns uuid language plpgsql volatile as $$
    declare
      unix_ms bigint := floor(extract(epoch from clock_timestamp()) * 1000);
      bytes bytea := uuid_send(gen_random_uuid());
    begin
      bytes := set_byte(bytes, 0, ((unix_ms >> 40) & 255)::int);
      bytes := set_byte(bytes, 1, ((unix_ms >> 32) & 255)::int);
      bytes := set_byte(bytes, 2, ((unix_ms >> 24) & 255)::int);
      bytes := set_byte(bytes, 3, ((unix_ms >> 16) & 255)::int);
      bytes := set_byte(bytes, 4, ((unix_ms >> 8) & 255)::int);
      bytes := set_byte(bytes, 5, (unix_ms & 255)::int);
      bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);
      bytes := set_byte(bytes, 8, (get_byte(bytes, 8) & 63) | 128);
      return encode(bytes, 'hex')::uuid;
    end $$
  `.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(btrim(email)) and email like '%_@_%'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 100`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret_hash', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().check(sql`attempts >= 0`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_attempts').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
  await sql`drop function uuid_v7()`.execute(db);
}
