import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Events and who registered for them.
// - events: one dated gathering of one network. Start and end are instants; `time_zone` is the
//   IANA zone the organiser planned in, so the event is shown and put in calendars in its own
//   zone. `latitude`/`longitude` are the network's place when the event was made: venues hold an
//   address, not a point, and an event of a place-based network happens in its place, so "events
//   near me" compares against these. `series_id` is for series (a later change adds their table
//   and the foreign key). A venue that is deleted leaves its events without one.
// - Seats are counted on the event row by a trigger on registrations: `seats_taken` (confirmed,
//   offered, attended and no-show registrations) and `waiting` (the waitlist's length). The check
//   `seats_taken <= capacity` makes an overbooking impossible whatever the code does; every seat
//   change also locks the event row first (the way pretix locks a quota), so changes to one
//   event's seats take turns and each sees the last one's counts.
// - registrations: one per person per event (a cancelled one is taken up again on re-registering).
//   Someone registered on their behalf by an organiser has no account: a name and an email or a
//   phone instead. The waitlist is ordered by `queue_number`, drawn from a sequence when a person
//   joins it; a position is counted from that order when read (1..N, never stored, so nothing
//   needs renumbering when someone leaves). An offered seat must be claimed by `claim_by`.
// Erasing a person erases their registrations (cascade); events they created stay, without them.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type event_format as enum ('TALKS_AND_NETWORKING', 'WORKSHOP', 'TRAINING', 'VIRTUAL_COFFEE', 'SOCIAL')`.execute(
    db,
  );
  await sql`create type seat_promotion as enum ('AUTO_CONFIRM', 'CLAIM_WITHIN_HOURS')`.execute(db);
  await sql`create type registration_status as enum ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')`.execute(
    db,
  );

  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('series_id', 'uuid')
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 1 and 120`))
    .addColumn('description', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(description) <= 5000`),
    )
    .addColumn('format', sql`event_format`, (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().check(sql`char_length(time_zone) between 1 and 64`))
    .addColumn('venue_id', 'uuid', (c) => c.references('venues.id').onDelete('set null'))
    .addColumn('online_url', 'text', (c) => c.check(sql`char_length(online_url) between 1 and 500`))
    .addColumn('latitude', 'double precision', (c) => c.notNull().check(sql`latitude between -90 and 90`))
    .addColumn('longitude', 'double precision', (c) => c.notNull().check(sql`longitude between -180 and 180`))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 5000`))
    .addColumn('promotion', sql`seat_promotion`, (c) => c.notNull().defaultTo('AUTO_CONFIRM'))
    .addColumn('claim_hours', 'integer', (c) => c.check(sql`claim_hours between 1 and 168`))
    .addColumn('categories', sql`support_category[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::support_category[]`)
        .check(sql`cardinality(categories) <= 8 and array_position(categories, null) is null`),
    )
    .addColumn('questions', 'jsonb', (c) =>
      c
        .notNull()
        .defaultTo(sql`'[]'::jsonb`)
        .check(sql`jsonb_typeof(questions) = 'array' and jsonb_array_length(questions) <= 10`),
    )
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiting', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`waiting >= 0`),
    )
    .addColumn('registration_closed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text', (c) => c.check(sql`char_length(cancel_reason) between 1 and 1000`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_ends_after_start', sql`ends_at > starts_at`)
    .addCheckConstraint('events_seats_fit', sql`seats_taken between 0 and capacity`)
    .addCheckConstraint(
      'events_claim_hours_with_claims',
      sql`(promotion = 'CLAIM_WITHIN_HOURS') = (claim_hours is not null)`,
    )
    .addCheckConstraint('events_cancelled_with_reason', sql`(cancelled_at is null) = (cancel_reason is null)`)
    .execute();
  await sql`create index events_network_idx on events (network_id, starts_at, id)`.execute(db);
  await sql`create index events_upcoming_idx on events (ends_at, starts_at, id) where cancelled_at is null`.execute(db);
  await sql`create index events_venue_idx on events (venue_id) where venue_id is not null`.execute(db);
  await sql`create index events_created_by_idx on events (created_by) where created_by is not null`.execute(db);

  await sql`create sequence registrations_queue_seq`.execute(db);
  await db.schema
    .createTable('registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.check(sql`char_length(name) between 1 and 100`))
    .addColumn('email', 'text', (c) => c.check(sql`char_length(email) between 3 and 254`))
    .addColumn('phone', 'text', (c) => c.check(sql`char_length(phone) between 3 and 30`))
    .addColumn('registered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', sql`registration_status`, (c) => c.notNull())
    .addColumn('queue_number', 'bigint')
    .addColumn('claim_by', 'timestamptz')
    .addColumn('access_needs', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(access_needs) <= 1000`),
    )
    .addColumn('dietary_needs', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(dietary_needs) <= 500`),
    )
    .addColumn('answers', 'jsonb', (c) =>
      c
        .notNull()
        .defaultTo(sql`'[]'::jsonb`)
        .check(sql`jsonb_typeof(answers) = 'array'`),
    )
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('registrations_once_per_person', ['event_id', 'user_id'])
    // Someone without an account is reachable by an email or a phone, and is known by a name.
    .addCheckConstraint(
      'registrations_someone',
      sql`user_id is not null or (name is not null and (email is not null or phone is not null))`,
    )
    .addCheckConstraint('registrations_queued_when_waiting', sql`(status = 'WAITLISTED') = (queue_number is not null)`)
    .addCheckConstraint('registrations_claim_when_offered', sql`(status = 'OFFERED') = (claim_by is not null)`)
    .addCheckConstraint(
      'registrations_checked_in_when_attended',
      sql`(status = 'ATTENDED') = (checked_in_at is not null)`,
    )
    .addCheckConstraint(
      'registrations_cancelled_when_cancelled',
      sql`(status = 'CANCELLED') = (cancelled_at is not null)`,
    )
    .execute();
  await sql`create unique index registrations_queue_idx on registrations (event_id, queue_number) where status = 'WAITLISTED'`.execute(
    db,
  );
  await sql`create index registrations_event_idx on registrations (event_id, id)`.execute(db);
  await sql`create index registrations_user_idx on registrations (user_id, created_at) where user_id is not null`.execute(
    db,
  );
  await sql`create index registrations_offers_idx on registrations (claim_by) where status = 'OFFERED'`.execute(db);
  await sql`create index registrations_registered_by_idx on registrations (registered_by) where registered_by is not null`.execute(
    db,
  );

  await sql`
    create function registrations_count_seats() returns trigger language plpgsql as $$
    declare
      seats_before int := 0; -- whether the old row held a seat (1) or not (0)
      seats_after int := 0;
      waiting_before int := 0;
      waiting_after int := 0;
    begin
      if tg_op <> 'INSERT' then
        if old.status in ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW') then seats_before := 1; end if;
        if old.status = 'WAITLISTED' then waiting_before := 1; end if;
      end if;
      if tg_op <> 'DELETE' then
        if new.status in ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW') then seats_after := 1; end if;
        if new.status = 'WAITLISTED' then waiting_after := 1; end if;
      end if;
      if seats_before = seats_after and waiting_before = waiting_after then return null; end if;
      update events
      set seats_taken = seats_taken + seats_after - seats_before,
          waiting = waiting + waiting_after - waiting_before
      where id = coalesce(new.event_id, old.event_id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger registrations_count_seats after insert or delete or update of status on registrations
    for each row execute function registrations_count_seats()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger registrations_count_seats on registrations`.execute(db);
  await sql`drop function registrations_count_seats()`.execute(db);
  await db.schema.dropTable('registrations').execute();
  await sql`drop sequence registrations_queue_seq`.execute(db);
  await db.schema.dropTable('events').execute();
  for (const type of ['registration_status', 'seat_promotion', 'event_format']) {
    await sql.raw(`drop type ${type}`).execute(db);
  }
}
