import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Venues: a network's shared directory of places to meet, with the accessibility facts people
// ask about before they come. A venue is archived rather than deleted, because past events keep
// pointing at it; only live venues need distinct names. `relationship_holder_id` is the member
// who knows the venue's people; erasing that member leaves the venue without one.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type venue_cost as enum ('FREE', 'DONATION', 'PAID')`.execute(db);

  await db.schema
    .createTable('venues')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 120`))
    .addColumn('address', 'text', (c) => c.notNull().check(sql`char_length(address) between 1 and 300`))
    .addColumn('step_free_access', 'boolean', (c) => c.notNull())
    .addColumn('accessible_toilet', 'boolean', (c) => c.notNull())
    .addColumn('hearing_loop', 'boolean', (c) => c.notNull())
    .addColumn('quiet_room', 'boolean', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity between 1 and 10000`))
    .addColumn('cost', sql`venue_cost`, (c) => c.notNull())
    .addColumn('relationship_holder_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(notes) <= 1000`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('archived_at', 'timestamptz')
    .execute();
  await sql`create unique index venues_live_name_idx on venues (network_id, lower(name)) where archived_at is null`.execute(
    db,
  );
  // Erasing a person sets their venues' holder to null: without this index that is a full scan.
  await sql`create index venues_holder_idx on venues (relationship_holder_id) where relationship_holder_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venues').execute();
  await sql`drop type venue_cost`.execute(db);
}
