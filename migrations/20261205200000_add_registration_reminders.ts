import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// registrations.reminded_at: when the person holding the seat was sent the day-before reminder.
// App copies sweeping at once claim a registration by setting it in a conditional update, so each
// seat holder is reminded once. The partial index keeps the sweep's read to rows still to remind.
// An event moved to another start forgets its reminders (a trigger), so its people are reminded
// the day before the new start; they were told of the move itself when it was made.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registrations').addColumn('reminded_at', 'timestamptz').execute();
  await sql`create index registrations_to_remind_idx on registrations (event_id)
    where reminded_at is null and status in ('CONFIRMED', 'OFFERED') and user_id is not null`.execute(db);
  await sql`
    create function events_forget_reminders() returns trigger language plpgsql as $$
    begin
      if new.starts_at is distinct from old.starts_at then
        update registrations set reminded_at = null where event_id = new.id and reminded_at is not null;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger events_forget_reminders after update of starts_at on events
    for each row execute function events_forget_reminders()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger events_forget_reminders on events`.execute(db);
  await sql`drop function events_forget_reminders()`.execute(db);
  await sql`drop index registrations_to_remind_idx`.execute(db);
  await db.schema.alterTable('registrations').dropColumn('reminded_at').execute();
}
