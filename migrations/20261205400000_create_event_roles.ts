import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Volunteer roles at events: who hosts, speaks, brings the food, stands on the door, or helps in
// some other way (the note says how: "brings the urn"). A member takes a role for themself, or an
// organiser records it for them, after the event too: roles are the record of who did the work,
// which the network's health reads as contributions, so they stay on past events. One person holds
// a role at an event once (the unique constraint makes taking it twice at the same moment safe);
// several people may hold the same role. Erasing a person or an event erases their roles.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type event_role as enum ('HOST', 'SPEAKER', 'FOOD', 'DOOR', 'OTHER')`.execute(db);
  await db.schema
    .createTable('event_roles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('role', sql`event_role`, (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(note) <= 200`),
    )
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('event_roles_once_per_person', ['event_id', 'role', 'user_id'])
    .addCheckConstraint('event_roles_other_has_note', sql`role <> 'OTHER' or note <> ''`)
    .execute();
  await sql`create index event_roles_user_idx on event_roles (user_id)`.execute(db);
  await sql`create index event_roles_assigned_by_idx on event_roles (assigned_by) where assigned_by is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_roles').execute();
  await sql`drop type event_role`.execute(db);
}
