import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// An event's write-up: what happened, in an organiser's words, shown on its page once written.
// It is the seed of a case study (the library issue can start a draft from it), so it is kept
// with who wrote it last and when.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('write_up', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('written_up_at', 'timestamptz')
    .addColumn('written_up_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`alter table events add constraint events_write_up_length check (char_length(write_up) <= 3000)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropConstraint('events_write_up_length').execute();
  await db.schema
    .alterTable('events')
    .dropColumn('write_up')
    .dropColumn('written_up_at')
    .dropColumn('written_up_by')
    .execute();
}
