import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type organisation_size as enum ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')`.execute(db);
  await sql`create type profile_visibility as enum ('PUBLIC', 'MEMBERS', 'PRIVATE')`.execute(db);
  await sql`create type support_category as enum (
    'QUICK_TIP', 'SHORT_TERM_SKILLS', 'EXPANDING_POSSIBILITY', 'LONG_TERM_SKILLS',
    'HANDS_ON_SUPPORT', 'PERSONAL_VALIDATION', 'RISK_MITIGATION', 'UNIQUE_PERSPECTIVES')`.execute(db);

  // One profile per person, made on their first update; no row reads as the defaults.
  await db.schema
    .createTable('profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('pronouns', 'text', (c) => c.check(sql`char_length(pronouns) between 1 and 40`))
    .addColumn('bio', 'text', (c) => c.check(sql`char_length(bio) between 1 and 2000`))
    .addColumn('organisation', 'text', (c) => c.check(sql`char_length(organisation) between 1 and 120`))
    .addColumn('organisation_size', sql`organisation_size`)
    .addColumn('sector', 'text', (c) => c.check(sql`char_length(sector) between 1 and 80`))
    .addColumn('role_title', 'text', (c) => c.check(sql`char_length(role_title) between 1 and 120`))
    .addColumn('is_digital_lead', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_mentor', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('skills', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(sql`cardinality(skills) <= 20 and array_position(skills, null) is null`),
    )
    .addColumn('support_needs', sql`support_category[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::support_category[]`)
        .check(sql`cardinality(support_needs) <= 8 and array_position(support_needs, null) is null`),
    )
    .addColumn('visibility', sql`profile_visibility`, (c) => c.notNull().defaultTo('MEMBERS'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index profiles_skills_idx on profiles using gin (skills)`.execute(db);
  await sql`create index profiles_support_needs_idx on profiles using gin (support_needs)`.execute(db);
  await sql`create index profiles_mentor_idx on profiles (user_id) where is_mentor and visibility <> 'PRIVATE'`.execute(
    db,
  );
  await sql`create index profiles_digital_lead_idx on profiles (user_id) where is_digital_lead and visibility <> 'PRIVATE'`.execute(
    db,
  );

  // The member directory pages through a network's active members by (joined_at, user_id).
  await sql`create index memberships_directory_idx on memberships (network_id, joined_at, user_id) where left_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index memberships_directory_idx`.execute(db);
  await db.schema.dropTable('profiles').execute();
  await sql`drop type support_category`.execute(db);
  await sql`drop type profile_visibility`.execute(db);
  await sql`drop type organisation_size`.execute(db);
}
