import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// A series is an event that repeats ("the first Tuesday of every month"). Each of its dates is an
// event of its own, registered for on its own; the series keeps the rule they were made by (an
// RFC 5545 RRULE, counted in the time zone of the first date) and that rule in words, so a date's
// page can say what it is part of. Deleting a series would leave its dates as single events.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_series')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable('events')
    .addForeignKeyConstraint('events_series_fk', ['series_id'], 'event_series', ['id'])
    .onDelete('set null')
    .execute();
  await sql`create index events_series_idx on events (series_id, starts_at) where series_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index events_series_idx`.execute(db);
  await db.schema.alterTable('events').dropConstraint('events_series_fk').execute();
  await db.schema.dropTable('event_series').execute();
}
