import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// events.seats_version: counts every change to what a page shows of an event's seats (capacity,
// seats taken, people waiting, cancellation). Changes to one event's seats take turns on its row's
// lock, so the version rises in the order they commit. The news of each change travels after its
// commit, from whichever app copy made it, and two such messages can overtake each other; a page
// keeps the highest version it has seen and drops an older one arriving late.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('seats_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    create function events_count_seat_changes() returns trigger language plpgsql as $$
    begin
      if new.capacity is distinct from old.capacity
        or new.seats_taken is distinct from old.seats_taken
        or new.waiting is distinct from old.waiting
        or new.cancelled_at is distinct from old.cancelled_at then
        new.seats_version := old.seats_version + 1;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger events_count_seat_changes before update on events
    for each row execute function events_count_seat_changes()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger events_count_seat_changes on events`.execute(db);
  await sql`drop function events_count_seat_changes()`.execute(db);
  await db.schema.alterTable('events').dropColumn('seats_version').execute();
}
