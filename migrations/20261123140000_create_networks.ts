import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type lifecycle_stage as enum ('POTENTIAL', 'COALESCING', 'MATURING', 'STEWARDSHIP', 'TRANSFORMATION')`.execute(
    db,
  );
  await sql`create type network_role as enum ('MEMBER', 'ORGANISER', 'STEWARD')`.execute(db);

  await db.schema
    .createTable('networks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 120`))
    .addColumn('place_name', 'text', (c) => c.notNull().check(sql`char_length(place_name) between 1 and 120`))
    .addColumn('region', 'text', (c) => c.notNull().check(sql`char_length(region) between 1 and 120`))
    .addColumn('latitude', 'float8', (c) => c.notNull().check(sql`latitude between -90 and 90`))
    .addColumn('longitude', 'float8', (c) => c.notNull().check(sql`longitude between -180 and 180`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`char_length(purpose) between 1 and 2000`))
    .addColumn('values', 'text', (c) => c.notNull().check(sql`char_length("values") <= 4000`))
    .addColumn('code_of_conduct', 'text', (c) =>
      c.notNull().check(sql`char_length(code_of_conduct) between 1 and 20000`),
    )
    .addColumn('code_of_conduct_version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`code_of_conduct_version >= 1`),
    )
    .addColumn('stage', sql`lifecycle_stage`, (c) => c.notNull().defaultTo('POTENTIAL'))
    .addColumn('stage_set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`
        setweight(to_tsvector('english', name), 'A') ||
        setweight(to_tsvector('english', purpose), 'B') ||
        setweight(to_tsvector('english', place_name || ' ' || region), 'C')`,
        )
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index networks_search_idx on networks using gin (search)`.execute(db);
  await db.schema.createIndex('networks_stage_idx').on('networks').column('stage').execute();

  // A member who leaves keeps a row with left_at, so the lifecycle signals can count leavers.
  await db.schema
    .createTable('memberships')
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', sql`network_role`, (c) => c.notNull().defaultTo('MEMBER'))
    .addColumn('code_of_conduct_version', 'integer', (c) => c.notNull())
    .addColumn('code_of_conduct_accepted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('left_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pkey', ['network_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();
  await sql`create index memberships_active_role_idx on memberships (network_id, role) where left_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('lifecycle_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('stage', sql`lifecycle_stage`, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().check(sql`char_length(note) between 1 and 2000`))
    .addColumn('set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('set_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('lifecycle_changes_network_idx')
    .on('lifecycle_changes')
    .columns(['network_id', 'set_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lifecycle_changes').execute();
  await db.schema.dropTable('memberships').execute();
  await db.schema.dropTable('networks').execute();
  await sql`drop type network_role`.execute(db);
  await sql`drop type lifecycle_stage`.execute(db);
}
